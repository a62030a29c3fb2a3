package dev.stepstream.asl.model;

import java.util.Optional;

/** One compiled state. Every state knows its effective query language (its own, else the top level's). */
public sealed interface State
    permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {

  String name();

  Optional<String> comment();

  QueryLanguage queryLanguage();

  /** The compiled input/output fields; the identity flow for states that have none (Fail). */
  DataFlow flow();

  /** Next/End; empty for Choice, Succeed and Fail, whose transitions are fixed by their type. */
  default Optional<Transition> transition() {
    return Optional.empty();
  }

  /** True for states that end their scope: Succeed, Fail, or any state with {@code "End": true}. */
  default boolean terminal() {
    return transition().map(t -> t instanceof Transition.End).orElse(false);
  }
}
