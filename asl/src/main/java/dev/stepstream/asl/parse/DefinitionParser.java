package dev.stepstream.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.eval.ExpressionCompiler;
import dev.stepstream.asl.model.QueryLanguage;
import dev.stepstream.asl.model.StateGraph;
import dev.stepstream.asl.model.StateMachine;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns a raw definition into a compiled {@link StateMachine}, compiling every expression through
 * the injected {@link ExpressionCompiler}. Compilation problems go to the diagnostics; the state
 * machine is returned only when no error at all was found (by the validator or here).
 */
public final class DefinitionParser {
  private final ExpressionCompiler compiler;

  public DefinitionParser(ExpressionCompiler compiler) {
    this.compiler = compiler;
  }

  public Optional<StateMachine> parse(JsonNode root, Diagnostics out) {
    if (!root.isObject()) {
      return Optional.empty();
    }
    QueryLanguage language = root.path("QueryLanguage").isTextual()
        ? QueryLanguage.fromJson(root.path("QueryLanguage").textValue()).orElse(QueryLanguage.JSONPATH)
        : QueryLanguage.JSONPATH;
    StateGraph graph = new GraphParser(new FieldCompiler(compiler, out), language, out).parse(root, "");
    if (out.hasErrors()) {
      return Optional.empty();
    }
    JsonNode timeout = root.path("TimeoutSeconds");
    JsonNode version = root.path("Version");
    return Optional.of(new StateMachine(
        graph.comment(),
        graph.startAt(),
        graph.states(),
        timeout.isNumber() ? OptionalLong.of(timeout.longValue()) : OptionalLong.empty(),
        version.isTextual() ? Optional.of(version.textValue()) : Optional.empty(),
        language));
  }
}
