package dev.stepstream.asl.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code "Type": "Parallel"}: each branch is its own scope. */
public record ParallelState(
    String name,
    Optional<String> comment,
    QueryLanguage queryLanguage,
    DataFlow flow,
    List<StateGraph> branches,
    List<Retrier> retry,
    List<Catcher> catchers,
    Transition next)
    implements State {

  public ParallelState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(flow, "flow");
    branches = List.copyOf(branches);
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
    Objects.requireNonNull(next, "next");
  }

  @Override
  public Optional<Transition> transition() {
    return Optional.of(next);
  }
}
