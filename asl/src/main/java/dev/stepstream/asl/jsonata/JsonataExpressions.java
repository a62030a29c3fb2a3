package dev.stepstream.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.InvalidExpressionException;
import java.util.Objects;

/**
 * The JSONata query language of Step Functions ({@code "QueryLanguage": "JSONata"}).
 *
 * <p>A string value that starts with {@code {%} and ends with {@code %}} (no whitespace outside
 * the delimiters) is a JSONata expression; the text between them, trimmed, is the expression.
 * Objects and arrays are walked and every such string inside them is replaced by its value; every
 * other value, including a string that merely contains {@code {%}, is a literal.
 *
 * <p>Fields that take JSONata: {@code Arguments}, {@code Output}, {@code Assign} values, Choice
 * {@code Condition}, Map {@code Items}, {@code ItemSelector}, {@code MaxConcurrency},
 * {@code ToleratedFailureCount}, {@code ToleratedFailurePercentage}, Wait {@code Seconds} and
 * {@code Timestamp}, Task {@code TimeoutSeconds} and {@code HeartbeatSeconds}, Fail {@code Error}
 * and {@code Cause}. The caller checks that the value has the type its field needs.
 *
 * <p>Inside an expression {@code $states} holds {@code input} and {@code context}, plus
 * {@code result} and {@code errorOutput} where the context carries them; each workflow variable is
 * {@code $name}. Besides JSONata's own functions (except {@code $eval}, which AWS refuses) there
 * are AWS's {@code $partition}, {@code $range}, {@code $hash}, {@code $random}, {@code $uuid} and
 * {@code $parse}.
 *
 * <p>At run time an expression that yields nothing (undefined), a function, or throws fails with
 * {@code States.QueryEvaluationError} and a cause naming the expression and its field, as AWS
 * does: {@code The JSONata expression '$states.input.x' specified for the field 'Output/v'
 * returned nothing (undefined).}
 */
public final class JsonataExpressions {
  static final String EXPRESSION_START = "{%";
  static final String EXPRESSION_END = "%}";

  private JsonataExpressions() {}

  /**
   * Compiles a JSONata-mode value.
   *
   * @param value the field's value as written in the definition
   * @param fieldName the field as AWS names it in causes, relative to the state: {@code Output},
   *     {@code Arguments}, {@code Assign}, {@code Choices[1]/Condition}, ...
   * @throws InvalidExpressionException {@code INVALID_JSONATA} for an expression that does not
   *     parse or that uses {@code $eval}, with a relative pointer to the string inside the value
   */
  public static Expression template(JsonNode value, String fieldName)
      throws InvalidExpressionException {
    return TemplateCompiler.compile(Objects.requireNonNull(value, "value"),
        Objects.requireNonNull(fieldName, "fieldName"));
  }

  /** True when {@code text} is a whole JSONata expression, {@code {% ... %}}. */
  public static boolean isExpression(String text) {
    return text.length() >= EXPRESSION_START.length() + EXPRESSION_END.length()
        && text.startsWith(EXPRESSION_START)
        && text.endsWith(EXPRESSION_END);
  }

  /** The expression inside {@code {% ... %}}, trimmed; call only when {@link #isExpression}. */
  static String expressionText(String text) {
    return text.substring(EXPRESSION_START.length(), text.length() - EXPRESSION_END.length()).strip();
  }
}
