package dev.stepstream.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/** {@code "Type": "Pass"}. {@code result} is the literal {@code Result} field (JSONPath mode); read-only. */
public record PassState(
    String name, Optional<String> comment, QueryLanguage queryLanguage, DataFlow flow, Optional<JsonNode> result, Transition next)
    implements State {

  public PassState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(next, "next");
  }

  @Override
  public Optional<Transition> transition() {
    return Optional.of(next);
  }
}
