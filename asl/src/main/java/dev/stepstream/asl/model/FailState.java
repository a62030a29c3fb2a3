package dev.stepstream.asl.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code "Type": "Fail"}: always terminal. {@code error}/{@code cause} come from Error/ErrorPath and
 * Cause/CausePath (JSONPath) or Error/Cause possibly holding JSONata (JSONata mode).
 */
public record FailState(
    String name,
    Optional<String> comment,
    QueryLanguage queryLanguage,
    DataFlow flow,
    Optional<DynamicValue> error,
    Optional<DynamicValue> cause)
    implements State {

  public FailState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(cause, "cause");
  }

  @Override
  public boolean terminal() {
    return true;
  }
}
