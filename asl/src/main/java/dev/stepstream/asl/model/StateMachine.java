package dev.stepstream.asl.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A compiled, immutable state machine definition. {@code states} is in definition order.
 *
 * @param queryLanguage the top-level QueryLanguage (JSONPath when absent)
 */
public record StateMachine(
    Optional<String> comment,
    String startAt,
    Map<String, State> states,
    OptionalLong timeoutSeconds,
    Optional<String> version,
    QueryLanguage queryLanguage) {

  public StateMachine {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(startAt, "startAt");
    states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
  }

  /** The top-level states as a graph (the same shape as a Parallel branch or Map ItemProcessor). */
  public StateGraph graph() {
    return new StateGraph(comment, startAt, states);
  }

  public Optional<State> state(String name) {
    return Optional.ofNullable(states.get(name));
  }
}
