package dev.stepstream.server.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.processor.schedules.ScheduledStart;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.wire.ScheduleRecord;
import dev.stepstream.wire.WireVersions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Reads a CreateSchedule-shaped request into a {@link ScheduleRecord}; each error names its member. */
final class ScheduleRequest {
  private ScheduleRequest() {}

  static ScheduleRecord read(JsonNode request, String arn, String name, long now) {
    String expression = required(request, "ScheduleExpression");
    String zone = text(request, "ScheduleExpressionTimezone");
    JsonNode window = request.path("FlexibleTimeWindow");
    String mode = window.isMissingNode() ? ScheduleRecord.OFF : oneOf(window, "Mode", "FlexibleTimeWindow.Mode",
        Set.of(ScheduleRecord.OFF, ScheduleRecord.FLEXIBLE), null);
    Integer maximum = window.hasNonNull("MaximumWindowInMinutes") ? window.get("MaximumWindowInMinutes").asInt() : null;
    if (ScheduleRecord.FLEXIBLE.equals(mode) && maximum == null) {
      throw ScheduleOps.validation("FlexibleTimeWindow.MaximumWindowInMinutes: is required when Mode is FLEXIBLE");
    }
    if (ScheduleRecord.OFF.equals(mode) && maximum != null) {
      throw ScheduleOps.validation("FlexibleTimeWindow.MaximumWindowInMinutes: must be absent when Mode is OFF");
    }
    JsonNode target = request.path("Target");
    if (!target.isObject()) {
      throw ScheduleOps.validation("Target: is required (an object with Arn and optional Input)");
    }
    String targetArn = required(target, "Arn", "Target.Arn");
    String input = text(target, "Input", "Target.Input");
    if (input != null && AwsJson.parse(ScheduledStart.input(input, arn, Instant.ofEpochMilli(now))).isEmpty()) {
      throw ScheduleOps.validation("Target.Input: is not JSON (after substituting the <aws.scheduler.*> attributes)");
    }
    String state = oneOf(request, "State", "State", Set.of(ScheduleRecord.ENABLED, ScheduleRecord.DISABLED),
        ScheduleRecord.ENABLED);
    String missed = oneOf(request, "MissedFirings", "MissedFirings", Set.of(ScheduleRecord.FIRE_LATEST, ScheduleRecord.SKIP),
        ScheduleRecord.FIRE_LATEST);
    return new ScheduleRecord(WireVersions.CURRENT, arn, name, expression, zone, mode, maximum,
        date(request, "StartDate"), date(request, "EndDate"), targetArn, input, missed, state, now, now);
  }

  /** Epoch seconds (as the AWS APIs send timestamps) or an ISO-8601 instant. */
  private static Long date(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return new BigDecimal(value.asText()).movePointRight(3).longValue();
    }
    try {
      return Instant.parse(value.asText()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw ScheduleOps.validation(field + ": must be epoch seconds or an ISO-8601 instant such as 2026-12-24T18:00:00Z, "
          + "not '" + value.asText() + "'");
    }
  }

  private static String oneOf(JsonNode node, String member, String field, Set<String> allowed, String fallback) {
    String value = text(node, member, field);
    if (value == null && fallback != null) {
      return fallback;
    }
    if (value == null || !allowed.contains(value)) {
      throw ScheduleOps.validation(field + ": must be one of " + String.join(", ", allowed.stream().sorted().toList())
          + (value == null ? "" : ", not '" + value + "'"));
    }
    return value;
  }

  static String required(JsonNode request, String field) {
    return required(request, field, field);
  }

  private static String required(JsonNode node, String member, String field) {
    String value = text(node, member, field);
    if (value == null || value.isBlank()) {
      throw ScheduleOps.validation(field + ": is required");
    }
    return value;
  }

  private static String text(JsonNode node, String member) {
    return text(node, member, member);
  }

  private static String text(JsonNode node, String member, String field) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ScheduleOps.validation(field + ": must be a string");
    }
    return value.asText();
  }
}
