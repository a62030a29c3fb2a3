package dev.stepstream.asl.model;

import java.util.Objects;
import java.util.Optional;

/** {@code "Type": "Succeed"}: always terminal. */
public record SucceedState(String name, Optional<String> comment, QueryLanguage queryLanguage, DataFlow flow)
    implements State {

  public SucceedState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(flow, "flow");
  }

  @Override
  public boolean terminal() {
    return true;
  }
}
