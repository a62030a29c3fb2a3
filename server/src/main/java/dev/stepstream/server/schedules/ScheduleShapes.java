package dev.stepstream.server.schedules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.processor.schedules.InvalidScheduleException;
import dev.stepstream.processor.schedules.ScheduleSpec;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.wire.ScheduleRecord;
import java.time.Instant;

/**
 * The JSON of a schedule in REST answers: EventBridge Scheduler's GetSchedule members (timestamps in
 * epoch seconds), plus {@code MissedFirings} and {@code NextFireTime} (when the schedule fires next,
 * as of {@code now}; absent when disabled or finished).
 */
final class ScheduleShapes {
  private ScheduleShapes() {}

  static ObjectNode describe(ScheduleRecord s, Instant now) {
    ObjectNode out = AwsJson.object();
    out.put("Arn", s.arn());
    out.put("Name", s.name());
    out.put("GroupName", ScheduleOps.GROUP);
    out.put("ScheduleExpression", s.scheduleExpression());
    out.put("ScheduleExpressionTimezone", s.scheduleExpressionTimezone() == null ? "UTC" : s.scheduleExpressionTimezone());
    ObjectNode window = out.putObject("FlexibleTimeWindow").put("Mode", s.flexibleTimeWindowMode());
    if (s.maximumWindowInMinutes() != null) {
      window.put("MaximumWindowInMinutes", s.maximumWindowInMinutes());
    }
    if (s.startDate() != null) {
      out.set("StartDate", AwsJson.timestamp(s.startDate()));
    }
    if (s.endDate() != null) {
      out.set("EndDate", AwsJson.timestamp(s.endDate()));
    }
    ObjectNode target = out.putObject("Target").put("Arn", s.target());
    if (s.input() != null) {
      target.put("Input", s.input());
    }
    out.put("State", s.state());
    out.put("MissedFirings", s.missedFirings());
    out.set("CreationDate", AwsJson.timestamp(s.createdAt()));
    out.set("LastModificationDate", AwsJson.timestamp(s.updatedAt()));
    if (s.enabled()) {
      nextFire(s, now).ifPresent(t -> out.set("NextFireTime", AwsJson.timestamp(t.toEpochMilli())));
    }
    return out;
  }

  private static java.util.Optional<Instant> nextFire(ScheduleRecord s, Instant now) {
    try {
      ScheduleSpec spec = ScheduleSpec.of(s);
      Instant after = now.isBefore(Instant.ofEpochMilli(s.updatedAt())) ? Instant.ofEpochMilli(s.updatedAt() - 1) : now;
      return spec.nextAfter(after).map(spec::dueAt);
    } catch (InvalidScheduleException e) {
      return java.util.Optional.empty();
    }
  }
}
