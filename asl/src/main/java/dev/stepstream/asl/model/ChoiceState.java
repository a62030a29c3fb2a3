package dev.stepstream.asl.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code "Type": "Choice"}: the first matching choice wins, else {@code Default}, else States.NoChoiceMatched. */
public record ChoiceState(
    String name,
    Optional<String> comment,
    QueryLanguage queryLanguage,
    DataFlow flow,
    List<Choice> choices,
    Optional<String> defaultState)
    implements State {

  public ChoiceState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(flow, "flow");
    choices = List.copyOf(choices);
    Objects.requireNonNull(defaultState, "defaultState");
  }
}
