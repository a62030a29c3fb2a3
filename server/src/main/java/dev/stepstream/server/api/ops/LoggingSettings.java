package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.wire.LoggingConfiguration;
import java.util.Optional;

/**
 * The {@code loggingConfiguration} member of CreateStateMachine and UpdateStateMachine, checked as AWS
 * checks it: {@code level} one of ALL, ERROR, FATAL, OFF (default OFF), {@code includeExecutionData}
 * a boolean (default false), and exactly one destination unless the level is OFF. A destination is a
 * {@code cloudWatchLogsLogGroup} with a {@code logGroupArn}; Stepstream keeps it as given (its log
 * events go to the logs topic) and cannot check that the log group exists.
 */
final class LoggingSettings {
  static final String INVALID_LOGGING_CONFIGURATION = "InvalidLoggingConfiguration";
  private static final String MEMBER = "loggingConfiguration";

  private LoggingSettings() {}

  /** The configuration in {@code body}, empty when the member is absent. */
  static Optional<LoggingConfiguration> parse(JsonNode body) {
    JsonNode node = body.get(MEMBER);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw new AwsException(AwsErrors.SERIALIZATION, "Member '" + MEMBER + "' must be an object");
    }
    String level = level(node.get("level"));
    boolean includeData = includeExecutionData(node.get("includeExecutionData"));
    JsonNode destinations = destinations(node.get("destinations"));
    if (destinations != null && destinations.size() > 1 || !"OFF".equals(level) && destinations == null) {
      throw invalid("Must specify exactly one Log Destination.");
    }
    return Optional.of(new LoggingConfiguration(level, includeData, destinations));
  }

  /** DescribeStateMachine's {@code loggingConfiguration}. */
  static ObjectNode shape(LoggingConfiguration logging) {
    ObjectNode out = AwsJson.object();
    out.put("level", logging.level());
    out.put("includeExecutionData", logging.includeExecutionData());
    if (logging.destinations() != null) {
      out.set("destinations", logging.destinations().deepCopy());
    }
    return out;
  }

  private static String level(JsonNode node) {
    if (node == null || node.isNull()) {
      return "OFF";
    }
    if (!node.isTextual() || !LoggingConfiguration.LEVELS.contains(node.textValue())) {
      throw AwsErrors.constraint(MEMBER + ".level", node.asText(),
          "Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]");
    }
    return node.textValue();
  }

  private static boolean includeExecutionData(JsonNode node) {
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw new AwsException(AwsErrors.SERIALIZATION, "Member '" + MEMBER + ".includeExecutionData' must be a boolean");
    }
    return node.booleanValue();
  }

  /** The destinations array, or null when none is given (an empty array counts as none). */
  private static JsonNode destinations(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw new AwsException(AwsErrors.SERIALIZATION, "Member '" + MEMBER + ".destinations' must be a list");
    }
    for (JsonNode destination : node) {
      JsonNode arn = destination.path("cloudWatchLogsLogGroup").path("logGroupArn");
      if (!arn.isTextual() || arn.textValue().isBlank()) {
        throw invalid("Log Destination not found.");
      }
    }
    return node.isEmpty() ? null : node;
  }

  private static AwsException invalid(String detail) {
    return new AwsException(INVALID_LOGGING_CONFIGURATION, "Invalid Logging Configuration: " + detail);
  }
}
