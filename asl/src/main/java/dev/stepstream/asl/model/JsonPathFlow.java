package dev.stepstream.asl.model;

import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.eval.ResultPathExpression;
import java.util.Objects;
import java.util.Optional;

/**
 * JSONPath-mode data flow. Absent paths are compiled {@code $} (AWS default); a path field that is
 * {@code null} here means the definition held an explicit JSON {@code null}:
 *
 * <ul>
 *   <li>{@code inputPath == null}: the effective input is {@code {}};
 *   <li>{@code resultPath == null}: the result is discarded and the state input passes through;
 *   <li>{@code outputPath == null}: the state output is {@code {}}.
 * </ul>
 *
 * @param parameters {@code Parameters} (or, for Map, {@code ItemSelector}/legacy {@code Parameters}
 *     live in {@link MapState}; here only for Pass/Task/Parallel)
 */
public record JsonPathFlow(
    PathExpression inputPath,
    Optional<Expression> parameters,
    Optional<Expression> resultSelector,
    ResultPathExpression resultPath,
    PathExpression outputPath,
    Optional<Expression> assign)
    implements DataFlow {

  public JsonPathFlow {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(resultSelector, "resultSelector");
    Objects.requireNonNull(assign, "assign");
  }
}
