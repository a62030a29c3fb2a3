package dev.stepstream.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.model.QueryLanguage;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.StateGraph;
import dev.stepstream.asl.validate.DiagnosticCodes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link StateGraph} from a scope object (top level, Parallel branch, Map ItemProcessor).
 * Every expression of every state is compiled even when the definition has other problems, so all
 * expression diagnostics are reported at once; a state whose model cannot be built (because a part
 * of it is invalid, which the validator reports) is left out of the graph.
 */
final class GraphParser {
  private final QueryLanguage topLanguage;
  private final StateParser states;
  private final Diagnostics out;

  GraphParser(FieldCompiler fields, QueryLanguage topLanguage, Diagnostics out) {
    this.topLanguage = topLanguage;
    this.out = out;
    this.states = new StateParser(fields, this);
  }

  StateGraph parse(JsonNode scope, String pointer) {
    Map<String, State> parsed = new LinkedHashMap<>();
    JsonNode statesNode = scope.path("States");
    for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getValue().isObject()) {
        String statePointer = Diagnostics.child(pointer + "/States", entry.getKey());
        ParsedState state = new ParsedState(entry.getKey(), statePointer, entry.getValue(), languageOf(entry.getValue()));
        build(state).ifPresent(s -> parsed.put(s.name(), s));
      }
    }
    JsonNode comment = scope.path("Comment");
    JsonNode startAt = scope.path("StartAt");
    return new StateGraph(
        comment.isTextual() ? Optional.of(comment.textValue()) : Optional.empty(),
        startAt.isTextual() ? startAt.textValue() : "",
        parsed);
  }

  private Optional<State> build(ParsedState state) {
    try {
      return states.parse(state);
    } catch (NullPointerException | IllegalArgumentException incomplete) {
      // A required part was invalid or failed to compile; the validator or compiler normally said why.
      if (!out.hasErrors()) {
        out.error(DiagnosticCodes.INTERNAL_ERROR, state.pointer(), "The state could not be compiled: " + incomplete);
      }
      return Optional.empty();
    }
  }

  private QueryLanguage languageOf(JsonNode state) {
    JsonNode language = state.path("QueryLanguage");
    return language.isTextual() ? QueryLanguage.fromJson(language.textValue()).orElse(topLanguage) : topLanguage;
  }
}
