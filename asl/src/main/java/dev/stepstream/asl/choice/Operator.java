package dev.stepstream.asl.choice;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every JSONPath Choice comparison operator, with its operand type and whether the operand is a path. */
public enum Operator {
  STRING_EQUALS("StringEquals", Kind.STRING, Relation.EQUALS),
  STRING_EQUALS_PATH("StringEqualsPath", Kind.STRING, Relation.EQUALS),
  STRING_LESS_THAN("StringLessThan", Kind.STRING, Relation.LESS),
  STRING_LESS_THAN_PATH("StringLessThanPath", Kind.STRING, Relation.LESS),
  STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Relation.GREATER),
  STRING_GREATER_THAN_PATH("StringGreaterThanPath", Kind.STRING, Relation.GREATER),
  STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Relation.LESS_OR_EQUAL),
  STRING_LESS_THAN_EQUALS_PATH("StringLessThanEqualsPath", Kind.STRING, Relation.LESS_OR_EQUAL),
  STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Relation.GREATER_OR_EQUAL),
  STRING_GREATER_THAN_EQUALS_PATH("StringGreaterThanEqualsPath", Kind.STRING, Relation.GREATER_OR_EQUAL),
  STRING_MATCHES("StringMatches", Kind.STRING, Relation.MATCHES),
  NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Relation.EQUALS),
  NUMERIC_EQUALS_PATH("NumericEqualsPath", Kind.NUMERIC, Relation.EQUALS),
  NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Relation.LESS),
  NUMERIC_LESS_THAN_PATH("NumericLessThanPath", Kind.NUMERIC, Relation.LESS),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Relation.GREATER),
  NUMERIC_GREATER_THAN_PATH("NumericGreaterThanPath", Kind.NUMERIC, Relation.GREATER),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Relation.LESS_OR_EQUAL),
  NUMERIC_LESS_THAN_EQUALS_PATH("NumericLessThanEqualsPath", Kind.NUMERIC, Relation.LESS_OR_EQUAL),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Relation.GREATER_OR_EQUAL),
  NUMERIC_GREATER_THAN_EQUALS_PATH("NumericGreaterThanEqualsPath", Kind.NUMERIC, Relation.GREATER_OR_EQUAL),
  BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Relation.EQUALS),
  BOOLEAN_EQUALS_PATH("BooleanEqualsPath", Kind.BOOLEAN, Relation.EQUALS),
  TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Relation.EQUALS),
  TIMESTAMP_EQUALS_PATH("TimestampEqualsPath", Kind.TIMESTAMP, Relation.EQUALS),
  TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Relation.LESS),
  TIMESTAMP_LESS_THAN_PATH("TimestampLessThanPath", Kind.TIMESTAMP, Relation.LESS),
  TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Relation.GREATER),
  TIMESTAMP_GREATER_THAN_PATH("TimestampGreaterThanPath", Kind.TIMESTAMP, Relation.GREATER),
  TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Relation.LESS_OR_EQUAL),
  TIMESTAMP_LESS_THAN_EQUALS_PATH("TimestampLessThanEqualsPath", Kind.TIMESTAMP, Relation.LESS_OR_EQUAL),
  TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Relation.GREATER_OR_EQUAL),
  TIMESTAMP_GREATER_THAN_EQUALS_PATH("TimestampGreaterThanEqualsPath", Kind.TIMESTAMP, Relation.GREATER_OR_EQUAL),
  IS_NULL("IsNull", Kind.TYPE_TEST, Relation.IS_NULL),
  IS_PRESENT("IsPresent", Kind.TYPE_TEST, Relation.IS_PRESENT),
  IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, Relation.IS_NUMERIC),
  IS_STRING("IsString", Kind.TYPE_TEST, Relation.IS_STRING),
  IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, Relation.IS_BOOLEAN),
  IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, Relation.IS_TIMESTAMP);

  /** The type of value an operator compares; TYPE_TEST operators take a boolean operand. */
  public enum Kind {
    STRING,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    TYPE_TEST
  }

  public enum Relation {
    EQUALS,
    LESS,
    GREATER,
    LESS_OR_EQUAL,
    GREATER_OR_EQUAL,
    MATCHES,
    IS_NULL,
    IS_PRESENT,
    IS_NUMERIC,
    IS_STRING,
    IS_BOOLEAN,
    IS_TIMESTAMP
  }

  private static final Map<String, Operator> BY_FIELD = indexByField();

  private final String fieldName;
  private final Kind kind;
  private final Relation relation;

  Operator(String fieldName, Kind kind, Relation relation) {
    this.fieldName = fieldName;
    this.kind = kind;
    this.relation = relation;
  }

  /** The field name in a Choice Rule, e.g. {@code NumericGreaterThanEqualsPath}. */
  public String fieldName() {
    return fieldName;
  }

  public Kind kind() {
    return kind;
  }

  public Relation relation() {
    return relation;
  }

  /** True for the {@code *Path} forms, whose operand is a path to compare against. */
  public boolean pathOperand() {
    return fieldName.endsWith("Path");
  }

  private static Map<String, Operator> indexByField() {
    Map<String, Operator> index = new HashMap<>();
    for (Operator operator : values()) {
      index.put(operator.fieldName, operator);
    }
    return Map.copyOf(index);
  }

  public static Optional<Operator> fromField(String fieldName) {
    return Optional.ofNullable(BY_FIELD.get(fieldName));
  }
}
