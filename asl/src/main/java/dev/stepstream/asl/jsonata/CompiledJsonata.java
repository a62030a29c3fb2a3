package dev.stepstream.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.InvalidExpressionException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One parsed {@code {% expression %}}.
 *
 * <p>Thread safety of the library (com.dashjoin:jsonata 0.9.10, read from its bytecode): the
 * parsed tree is not mutated by evaluation, but {@code evaluate(input)} without bindings writes
 * {@code $} into the expression's shared environment. {@code evaluate(input, frame)} instead
 * copies the frame's bindings into a new frame per call, so every evaluation here passes its own
 * frame. Per-evaluation mutable state lives on a per-thread evaluator instance ({@code
 * Jsonata.current}); its timestamp is stale on pooled threads, hence our own {@code $now} and
 * {@code $millis} (see {@link EvaluationScope}). {@code $eval} is refused at compile time, which
 * also keeps clear of the library's known {@code $eval} context bugs.
 */
final class CompiledJsonata {
  static final String INVALID_JSONATA = "INVALID_JSONATA";
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Z]\\d{4}");

  private final Jsonata parsed;
  private final String text;
  private final String fieldPath;
  private final Set<String> names;

  private CompiledJsonata(Jsonata parsed, String text, String fieldPath, Set<String> names) {
    this.parsed = parsed;
    this.text = text;
    this.fieldPath = fieldPath;
    this.names = names;
  }

  static CompiledJsonata compile(String text, String fieldPath, String pointer)
      throws InvalidExpressionException {
    ExpressionScan scan = ExpressionScan.of(text);
    if (scan.usesEval()) {
      throw new InvalidExpressionException(INVALID_JSONATA,
          "The JSONata function $eval is not supported in Step Functions; use $parse instead",
          pointer);
    }
    Jsonata parsed;
    try {
      parsed = Jsonata.jsonata(text);
    } catch (JException e) {
      throw new InvalidExpressionException(INVALID_JSONATA, syntaxMessage(e), pointer);
    }
    parsed.setOutputConvertNulls(false); // keep JSON null apart from undefined
    parsed.setValidateInput(false); // there is no input item; bindings are converted by us
    StepFunctionsFunctions.registerOn(parsed);
    return new CompiledJsonata(parsed, text, fieldPath, scan.names());
  }

  private static String syntaxMessage(JException e) {
    return e.getError() + ": " + e.getMessage() + " (at position " + e.getLocation() + ")";
  }

  JsonNode evaluate(EvaluationScope scope) {
    Object value;
    try {
      value = parsed.evaluate(null, scope.frameFor(names));
    } catch (JException e) {
      throw failure("threw an error during evaluation. " + describe(e));
    } catch (StackOverflowError e) {
      throw failure("threw an error during evaluation. Stack overflow error");
    } catch (RuntimeException e) {
      throw failure("threw an error during evaluation. " + e);
    }
    if (value == null) {
      throw failure("returned nothing (undefined).");
    }
    try {
      return JsonConversion.toJson(value);
    } catch (JsonConversion.UnsupportedValueException e) {
      throw failure("returned an unsupported result type.");
    }
  }

  /** "T2001: The left side ..."; the library's runtime bounds put their whole text in the code. */
  private static String describe(JException e) {
    String code = e.getError();
    return code != null && ERROR_CODE.matcher(code).matches() ? code + ": " + e.getMessage() : code;
  }

  /** AWS: "The JSONata expression '<expr>' specified for the field '<field>' <problem>". */
  private AslException failure(String problem) {
    String field = fieldPath.isEmpty() ? "" : " specified for the field '" + fieldPath + "'";
    return new AslException(ErrorNames.QUERY_EVALUATION_ERROR,
        "The JSONata expression '" + text + "'" + field + " " + problem, fieldPath.isEmpty() ? null : fieldPath);
  }

  String text() {
    return text;
  }
}
