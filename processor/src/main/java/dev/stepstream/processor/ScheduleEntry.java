package dev.stepstream.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.ScheduleRecord;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A schedule as the processor owning its key keeps it (store {@code schedules}): the record and where
 * its firings stand. Stored as JSON {@code {"format":1,"schedule":{...},"next":ms,"last":ms}}; "next"
 * (the scheduled time the armed timer is for) and "last" (the scheduled time of the last firing) are
 * absent when there is none.
 */
record ScheduleEntry(ScheduleRecord schedule, Long nextScheduledAt, Long lastScheduledAt) {
  static final int FORMAT = 1;

  byte[] encode() {
    ObjectNode out = WireJson.mapper().createObjectNode();
    out.put("format", FORMAT);
    out.set("schedule", WireJson.toTree(schedule));
    if (nextScheduledAt != null) {
      out.put("next", nextScheduledAt);
    }
    if (lastScheduledAt != null) {
      out.put("last", lastScheduledAt);
    }
    try {
      return WireJson.mapper().writeValueAsBytes(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ScheduleEntry decode(byte[] bytes) {
    try {
      JsonNode node = WireJson.mapper().readTree(bytes);
      int format = node.path("format").asInt(0);
      if (format != FORMAT) {
        throw new IllegalStateException("schedule entry format " + format + " is not supported (this build reads 1)");
      }
      ScheduleRecord schedule = WireJson.decode(WireJson.mapper().writeValueAsBytes(node.get("schedule")),
          ScheduleRecord.class);
      return new ScheduleEntry(schedule, longOrNull(node.get("next")), longOrNull(node.get("last")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Long longOrNull(JsonNode value) {
    return value == null || value.isNull() ? null : value.asLong();
  }
}
