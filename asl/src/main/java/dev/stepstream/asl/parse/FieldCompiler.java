package dev.stepstream.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.intrinsics.IntrinsicFunctions;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.ExpressionCompiler;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.eval.ResultPathExpression;
import dev.stepstream.asl.model.DynamicValue;
import dev.stepstream.asl.validate.DiagnosticCodes;
import dev.stepstream.asl.validate.JsonTypes;
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

  /** A JSONata-mode value of a state field (Arguments, Output, Assign, Items, ...), named after the field. */
  Optional<Expression> jsonata(JsonNode value, String pointer) {
    return jsonata(value, pointer, unescape(pointer.substring(pointer.lastIndexOf('/') + 1)));
  }

  /**
   * A JSONata-mode value.
   *
   * @param fieldName the field as AWS names it in causes, relative to the state ({@code Choices[1]/Condition})
   */
  Optional<Expression> jsonata(JsonNode value, String pointer, String fieldName) {
    if (value.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.ofNullable(attempt(pointer, () -> compiler.jsonataTemplate(value, fieldName)));
  }

  /** A template in the state's query language; {@code fieldName} as for {@link #jsonata(JsonNode, String, String)}. */
  Optional<Expression> template(JsonNode value, String pointer, String fieldName, boolean jsonata) {
    return jsonata ? jsonata(value, pointer, fieldName) : payloadTemplate(value, pointer);
  }

  Optional<Expression> template(JsonNode value, String pointer, boolean jsonata) {
    return jsonata ? jsonata(value, pointer) : payloadTemplate(value, pointer);
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  /**
   * A field with a JSONPath {@code *Path} twin (JSONPath mode) or that may hold JSONata (JSONata mode).
   * Empty when neither is present or compilation failed.
   */
  /**
   * As {@link #dynamic}, for Fail's ErrorPath/CausePath, which AWS also lets hold an intrinsic
   * function such as {@code States.Format('{}', $.code)}.
   */
  Optional<DynamicValue> dynamicOrIntrinsic(ParsedState state, String field, String pathField) {
    JsonNode text = state.get(pathField);
    if (state.get(field).isMissingNode() && !state.jsonata() && text.isTextual()
        && IntrinsicFunctions.isIntrinsicCall(text.textValue())) {
      ObjectNode template = JsonNodeFactory.instance.objectNode().put("value.$", text.textValue());
      return payloadTemplate(template, state.pointer(pathField))
          .map(t -> new DynamicValue.Computed(ctx -> t.evaluate(ctx).path("value")));
    }
    return dynamic(state, field, pathField);
  }

  Optional<DynamicValue> dynamic(ParsedState state, String field, String pathField) {
    JsonNode plain = state.get(field);
    if (!plain.isMissingNode()) {
      if (state.jsonata() && JsonTypes.isJsonata(plain)) {
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
