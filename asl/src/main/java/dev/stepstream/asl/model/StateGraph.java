package dev.stepstream.asl.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of states with a start: the top level, one Parallel branch, or a Map ItemProcessor.
 * {@code states} keeps definition order and is unmodifiable.
 */
public record StateGraph(Optional<String> comment, String startAt, Map<String, State> states) {
  public StateGraph {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(startAt, "startAt");
    states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  public State start() {
    return states.get(startAt);
  }

  public Optional<State> state(String name) {
    return Optional.ofNullable(states.get(name));
  }
}
