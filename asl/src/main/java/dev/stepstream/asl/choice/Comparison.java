package dev.stepstream.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.PathExpression;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSONPath comparison: {@code Variable} compared by one {@link Operator} with a literal operand or,
 * for the {@code *Path} operators, with the value at another path. AWS semantics:
 *
 * <ul>
 *   <li>a value of the wrong type for the operator simply does not match (no error);
 *   <li>{@code IsPresent} is the only operator that tolerates a missing Variable; any other
 *       operator on a missing Variable (or a missing {@code *Path} operand) fails with States.Runtime
 *       ("Invalid path '...': The choice state's condition path references an invalid value.");
 *   <li>numbers compare exactly (1 equals 1.0, decimals without binary rounding);
 *   <li>strings compare like Java {@code String.compareTo}; timestamps by instant.
 * </ul>
 *
 * Literal operands are prepared once: timestamps parsed, StringMatches patterns compiled.
 */
public final class Comparison implements ChoiceRule {
  private final Operator operator;
  private final PathExpression variable;
  private final JsonNode literal;
  private final PathExpression operandPath;
  private final Instant literalInstant;
  private final WildcardPattern pattern;

  private Comparison(Operator operator, PathExpression variable, JsonNode literal, PathExpression operandPath) {
    this.operator = Objects.requireNonNull(operator, "operator");
    this.variable = Objects.requireNonNull(variable, "variable");
    this.literal = literal;
    this.operandPath = operandPath;
    this.literalInstant = literal != null && literal.isTextual() ? Timestamps.parse(literal.textValue()).orElse(null) : null;
    this.pattern = operator == Operator.STRING_MATCHES && literal != null && literal.isTextual()
        ? WildcardPattern.compile(literal.textValue())
        : null;
  }

  /** A comparison with a literal operand (the non-{@code Path} operators). The literal is read-only. */
  public static Comparison withLiteral(Operator operator, PathExpression variable, JsonNode literal) {
    if (operator.pathOperand()) {
      throw new IllegalArgumentException(operator.fieldName() + " takes a path operand");
    }
    return new Comparison(operator, variable, Objects.requireNonNull(literal, "literal"), null);
  }

  /** A comparison against the value at another path (the {@code *Path} operators). */
  public static Comparison withPath(Operator operator, PathExpression variable, PathExpression operandPath) {
    if (!operator.pathOperand()) {
      throw new IllegalArgumentException(operator.fieldName() + " takes a literal operand");
    }
    return new Comparison(operator, variable, null, Objects.requireNonNull(operandPath, "operandPath"));
  }

  public Operator operator() {
    return operator;
  }

  public PathExpression variable() {
    return variable;
  }

  /** The literal operand; empty for the {@code *Path} operators. */
  public Optional<JsonNode> literal() {
    return Optional.ofNullable(literal);
  }

  /** The operand path; empty for literal operators. */
  public Optional<PathExpression> operandPath() {
    return Optional.ofNullable(operandPath);
  }

  @Override
  public boolean matches(EvalContext ctx) {
    JsonNode value = variable.evaluate(ctx);
    if (operator == Operator.IS_PRESENT) {
      return !value.isMissingNode() == literal.asBoolean();
    }
    if (value.isMissingNode()) {
      throw invalidPath(variable);
    }
    if (operator.kind() == Operator.Kind.TYPE_TEST) {
      return typeTest(value) == literal.asBoolean();
    }
    JsonNode other = literal;
    if (operandPath != null) {
      other = operandPath.evaluate(ctx);
      if (other.isMissingNode()) {
        throw invalidPath(operandPath);
      }
    }
    return compare(value, other);
  }

  private boolean typeTest(JsonNode value) {
    return switch (operator.relation()) {
      case IS_NULL -> value.isNull();
      case IS_NUMERIC -> value.isNumber();
      case IS_STRING -> value.isTextual();
      case IS_BOOLEAN -> value.isBoolean();
      case IS_TIMESTAMP -> value.isTextual() && Timestamps.isTimestamp(value.textValue());
      default -> throw new IllegalStateException("not a type test: " + operator);
    };
  }

  private boolean compare(JsonNode value, JsonNode other) {
    return switch (operator.kind()) {
      case STRING -> value.isTextual() && other.isTextual() && compareStrings(value.textValue(), other.textValue());
      case NUMERIC -> value.isNumber() && other.isNumber() && holds(value.decimalValue().compareTo(other.decimalValue()));
      case BOOLEAN -> value.isBoolean() && other.isBoolean() && value.booleanValue() == other.booleanValue();
      case TIMESTAMP -> compareTimestamps(value, other);
      case TYPE_TEST -> throw new IllegalStateException("type tests are not comparisons");
    };
  }

  private boolean compareStrings(String value, String other) {
    if (operator.relation() == Operator.Relation.MATCHES) {
      return pattern.matches(value);
    }
    return holds(value.compareTo(other));
  }

  private boolean compareTimestamps(JsonNode value, JsonNode other) {
    if (!value.isTextual() || !other.isTextual()) {
      return false;
    }
    Optional<Instant> left = Timestamps.parse(value.textValue());
    Instant right = other == literal ? literalInstant : Timestamps.parse(other.textValue()).orElse(null);
    return left.isPresent() && right != null && holds(left.get().compareTo(right));
  }

  private boolean holds(int comparison) {
    return switch (operator.relation()) {
      case EQUALS -> comparison == 0;
      case LESS -> comparison < 0;
      case GREATER -> comparison > 0;
      case LESS_OR_EQUAL -> comparison <= 0;
      case GREATER_OR_EQUAL -> comparison >= 0;
      default -> throw new IllegalStateException("not an ordering: " + operator);
    };
  }

  private static AslException invalidPath(PathExpression path) {
    return new AslException(
        ErrorNames.RUNTIME,
        "Invalid path '" + path.text() + "': The choice state's condition path references an invalid value.");
  }

  @Override
  public String toString() {
    String operand = operandPath != null ? operandPath.text() : String.valueOf(literal);
    return variable.text() + " " + operator.fieldName() + " " + operand;
  }
}
