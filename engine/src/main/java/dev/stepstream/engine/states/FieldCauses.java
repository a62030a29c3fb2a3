package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.path.JsonPathExpressions;
import dev.stepstream.engine.runtime.Json;

/**
 * AWS's causes for a field value a state cannot use. Texts marked "recorded" were returned by AWS
 * (LocalStack's AWS-validated snapshots, tests/aws/services/stepfunctions/v2: base/test_wait,
 * scenarios/test_base_scenarios); {@link Causes} puts the state prefix in front.
 */
final class FieldCauses {
  private FieldCauses() {}

  /** Recorded: {@code Invalid path '$.x' : No results for path: $['x']} (Jayway's wording). */
  static AslException invalidPath(PathExpression path, EvalContext ec) {
    return runtime("Invalid path '" + path.text() + "' : " + JsonPathExpressions.notFoundReason(path, ec));
  }

  /** Recorded: {@code The SecondsPath parameter does not reference an input value: $.x}. */
  static AslException secondsPathNotFound(PathExpression path) {
    return runtime("The SecondsPath parameter does not reference an input value: " + path.text());
  }

  /** Recorded: {@code ... cannot be parsed as a long value: $.x == 1.5}. */
  static AslException secondsPathNotLong(PathExpression path, JsonNode value) {
    return runtime("The SecondsPath parameter cannot be parsed as a long value: " + assignment(path, value));
  }

  /** Recorded: {@code The SecondsPath parameter references a negative value: $.x == -1}. */
  static AslException secondsPathNegative(PathExpression path, JsonNode value) {
    return runtime("The SecondsPath parameter references a negative value: " + assignment(path, value));
  }

  /** Not recorded: the SecondsPath wording, for a TimestampPath that finds nothing. */
  static AslException timestampPathNotFound(PathExpression path) {
    return runtime("The TimestampPath parameter does not reference an input value: " + path.text());
  }

  /** Recorded: {@code ... extended offset date-time format string: $.x == 2016-12-05T21:29:29}. */
  static AslException timestampPathInvalid(PathExpression path, JsonNode value) {
    return runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format"
        + " string: " + assignment(path, value));
  }

  /** Recorded (JSONata Wait): {@code The Timestamp field cannot be parsed as an ISO-8601 ...: <value>}. */
  static AslException timestampInvalid(JsonNode value) {
    return new AslException(ErrorNames.QUERY_EVALUATION_ERROR, "The Timestamp field cannot be parsed as an ISO-8601"
        + " extended offset date-time format string: " + valueText(value), "Timestamp");
  }

  /** Recorded: a Timestamp more than 2^31-1 seconds away gives {@code Wait state delay is too long.} */
  static AslException delayTooLong() {
    return runtime("Wait state delay is too long.");
  }

  /**
   * Recorded: {@code The MaxConcurrencyPath field refers to value "NoNumber" which is not a valid
   * integer: $.x}; ToleratedFailurePercentagePath says {@code valid float}.
   */
  static AslException notANumber(String pathField, PathExpression path, JsonNode value, String kind) {
    return runtime("The " + pathField + " field refers to value \"" + valueText(value) + "\" which is not a valid "
        + kind + ": " + path.text());
  }

  /** Recorded: {@code Map state input must be an array but was: 1} (JSONata Map without Items). */
  static AslException mapInputNotArray(JsonNode value) {
    return query("Map state input must be an array but was: " + Json.write(value));
  }

  /**
   * Recorded for Items: {@code The JSONata expression '1' specified for the field 'Items' returned an
   * unexpected result type. Expected 'array', but was 'number' for value: 1}.
   */
  static AslException unexpectedType(String query, String field, String expected, JsonNode value) {
    return new AslException(ErrorNames.QUERY_EVALUATION_ERROR, "The JSONata expression '" + query
        + "' specified for the field '" + field + "' returned an unexpected result type. Expected '" + expected
        + "', but was '" + jsonType(value) + "' for value: " + Json.write(value), field);
  }

  static AslException runtime(String cause) {
    return new AslException(ErrorNames.RUNTIME, cause);
  }

  static AslException query(String cause) {
    return new AslException(ErrorNames.QUERY_EVALUATION_ERROR, cause);
  }

  /** The type names AWS uses in these causes. */
  static String jsonType(JsonNode value) {
    if (value.isArray()) {
      return "array";
    } else if (value.isObject()) {
      return "object";
    } else if (value.isTextual()) {
      return "string";
    } else if (value.isNumber()) {
      return "number";
    } else if (value.isBoolean()) {
      return "boolean";
    }
    return "null";
  }

  /** A string as its text, anything else as JSON ({@code NoNumber}, {@code 1.5}, {@code {}}). */
  static String valueText(JsonNode value) {
    return value.isTextual() ? value.textValue() : Json.write(value);
  }

  private static String assignment(PathExpression path, JsonNode value) {
    return path.text() + " == " + valueText(value);
  }
}
