package dev.stepstream.wire;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Set;

/**
 * A schedule (the analogue of an EventBridge Scheduler schedule), keyed by its ARN
 * ({@code arn:aws:scheduler:<region>:<account>:schedule/default/<name>}). It lives on the compacted
 * definitions topic (read by the API), and the API sends the same record to the commands topic,
 * keyed by the schedule ARN, so that the processor owning that key keeps the schedule's durable timer;
 * a tombstone (null value) on either topic deletes it. Its JSON {@code type} is {@code Schedule}.
 *
 * @param scheduleExpression {@code cron(...)}, {@code rate(value unit)} or {@code at(yyyy-mm-ddThh:mm:ss)}
 * @param scheduleExpressionTimezone an IANA time zone name; null for UTC
 * @param flexibleTimeWindowMode {@code OFF} or {@code FLEXIBLE}
 * @param maximumWindowInMinutes 1-1440 with {@code FLEXIBLE}, null with {@code OFF}
 * @param startDate epoch milliseconds before which nothing fires, or null
 * @param endDate epoch milliseconds after which nothing fires, or null
 * @param target a state machine, version or alias ARN
 * @param input the execution input as JSON text, with EventBridge Scheduler's context attributes
 *     ({@code <aws.scheduler.scheduled-time>} ...) substituted at each firing; null for {@code {}}
 * @param missedFirings {@code FIRE_LATEST} or {@code SKIP}: what a firing found late after downtime does
 * @param state {@code ENABLED} or {@code DISABLED}
 */
@JsonTypeName("Schedule")
public record ScheduleRecord(
    int version,
    String arn,
    String name,
    String scheduleExpression,
    String scheduleExpressionTimezone,
    String flexibleTimeWindowMode,
    Integer maximumWindowInMinutes,
    Long startDate,
    Long endDate,
    String target,
    String input,
    String missedFirings,
    String state,
    long createdAt,
    long updatedAt) implements WireRecord {

  public static final String ENABLED = "ENABLED";
  public static final String DISABLED = "DISABLED";
  public static final String OFF = "OFF";
  public static final String FLEXIBLE = "FLEXIBLE";
  public static final String FIRE_LATEST = "FIRE_LATEST";
  public static final String SKIP = "SKIP";

  public ScheduleRecord {
    Require.version(version, "Schedule");
    Require.text(arn, "Schedule", "arn");
    Require.text(name, "Schedule", "name");
    Require.text(scheduleExpression, "Schedule", "scheduleExpression");
    Require.text(target, "Schedule", "target");
    oneOf(flexibleTimeWindowMode, Set.of(OFF, FLEXIBLE), "flexibleTimeWindowMode");
    oneOf(missedFirings, Set.of(FIRE_LATEST, SKIP), "missedFirings");
    oneOf(state, Set.of(ENABLED, DISABLED), "state");
    if (FLEXIBLE.equals(flexibleTimeWindowMode) != (maximumWindowInMinutes != null)) {
      throw new IllegalArgumentException("Schedule maximumWindowInMinutes is required with FLEXIBLE and only then");
    }
  }

  private static void oneOf(String value, Set<String> allowed, String field) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException("Schedule " + field + " must be one of " + allowed + ", not " + value);
    }
  }

  public boolean enabled() {
    return ENABLED.equals(state);
  }

  public ScheduleRecord withState(String newState, long now) {
    return new ScheduleRecord(version, arn, name, scheduleExpression, scheduleExpressionTimezone,
        flexibleTimeWindowMode, maximumWindowInMinutes, startDate, endDate, target, input, missedFirings, newState,
        createdAt, now);
  }
}
