package dev.stepstream.asl.model;

import java.util.Objects;
import java.util.Optional;

/** {@code "Type": "Wait"}. */
public record WaitState(
    String name, Optional<String> comment, QueryLanguage queryLanguage, DataFlow flow, WaitFor waitFor, Transition next)
    implements State {

  public WaitState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(waitFor, "waitFor");
    Objects.requireNonNull(next, "next");
  }

  @Override
  public Optional<Transition> transition() {
    return Optional.of(next);
  }
}
