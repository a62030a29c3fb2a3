package dev.stepstream.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.ExpressionCompiler;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.eval.ResultPathExpression;
import dev.stepstream.asl.model.DynamicValue;
import dev.stepstream.asl.validate.DiagnosticCodes;
import dev.stepstream.asl.validate.Json;
import java.util.Optional;

/**
 * Compiles the expression-bearing values of one definition through the injected
 * {@link ExpressionCompiler}, turning every {@link InvalidExpressionException} into a diagnostic at
 * the field's pointer plus the exception's relative pointer. Methods return null/empty on failure.
 */
final class FieldCompiler {
  private final ExpressionCompiler compiler;
  private final Diagnostics out;

  FieldCompiler(ExpressionCompiler compiler, Diagnostics out) {
    this.compiler = compiler;
    this.out = out;
  }

  private interface Compilation<T> {
    T run() throws InvalidExpressionException;
  }

  private <T> T attempt(String pointer, Compilation<T> compilation) {
    try {
      return compilation.run();
    } catch (InvalidExpressionException e) {
      out.error(e.code(), pointer + e.relativePointer(), e.getMessage());
    } catch (RuntimeException e) {
      out.error(DiagnosticCodes.INTERNAL_ERROR, pointer, "The expression compiler failed: " + e);
    }
    return null;
  }

  /** A path; null when the text is not a string or does not compile. */
  PathExpression path(JsonNode text, String pointer) {
    return text.isTextual() ? attempt(pointer, () -> compiler.path(text.textValue())) : null;
  }

  PathExpression path(String text, String pointer) {
    return attempt(pointer, () -> compiler.path(text));
  }

  ResultPathExpression resultPath(JsonNode text, String pointer) {
    return text.isTextual() ? attempt(pointer, () -> compiler.resultPath(text.textValue())) : null;
  }

  ResultPathExpression resultPath(String text, String pointer) {
    return attempt(pointer, () -> compiler.resultPath(text));
  }

  /** A JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign, Credentials). */
  Optional<Expression> payloadTemplate(JsonNode template, String pointer) {
    if (template.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.ofNullable(attempt(pointer, () -> compiler.payloadTemplate(template)));
  }

  /** A JSONata-mode value (Arguments, Output, Assign, Items, ...). */
  Optional<Expression> jsonata(JsonNode value, String pointer) {
    if (value.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.ofNullable(attempt(pointer, () -> compiler.jsonataTemplate(value)));
  }

  /** A template in the state's query language. */
  Optional<Expression> template(JsonNode value, String pointer, boolean jsonata) {
    return jsonata ? jsonata(value, pointer) : payloadTemplate(value, pointer);
  }

  /**
   * A field with a JSONPath {@code *Path} twin (JSONPath mode) or that may hold JSONata (JSONata mode).
   * Empty when neither is present or compilation failed.
   */
  Optional<DynamicValue> dynamic(ParsedState state, String field, String pathField) {
    JsonNode plain = state.get(field);
    if (!plain.isMissingNode()) {
      if (state.jsonata() && Json.isJsonata(plain)) {
        return jsonata(plain, state.pointer(field)).map(DynamicValue.Computed::new);
      }
      return Optional.of(DynamicValue.fixed(plain));
    }
    if (pathField != null && !state.jsonata() && state.has(pathField)) {
      return Optional.ofNullable(path(state.get(pathField), state.pointer(pathField))).map(DynamicValue.FromPath::new);
    }
    return Optional.empty();
  }
}
