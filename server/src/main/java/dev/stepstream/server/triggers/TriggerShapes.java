package dev.stepstream.server.triggers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.wire.TriggerRecord;

/** The JSON of a trigger in REST answers (timestamps in epoch seconds, as the AWS API's). */
final class TriggerShapes {
  private TriggerShapes() {}

  /** @param metrics this instance's counters, or null to leave them out */
  static ObjectNode describe(TriggerRecord t, TriggerMetrics metrics) {
    ObjectNode out = AwsJson.object();
    out.put("triggerArn", t.arn());
    out.put("name", t.name());
    out.put("sourceTopic", t.sourceTopic());
    out.put("target", t.target());
    if (t.filter() != null) {
      out.set("filter", t.filter());
    }
    if (t.inputTransform() != null) {
      out.put("inputTransform", t.inputTransform());
    }
    out.put("nameTemplate", t.nameTemplate() == null ? NameTemplate.DEFAULT : t.nameTemplate());
    out.put("startingPosition", t.startingPosition());
    if (t.startingTimestamp() != null) {
      out.set("startingTimestamp", AwsJson.timestamp(t.startingTimestamp()));
    }
    if (t.maxConcurrency() != null) {
      out.put("maxConcurrency", t.maxConcurrency());
    }
    out.put("state", t.state());
    out.set("creationDate", AwsJson.timestamp(t.createdAt()));
    out.set("updateDate", AwsJson.timestamp(t.updatedAt()));
    if (metrics != null) {
      ObjectNode m = out.putObject("metrics");
      m.put("recordsRead", (long) metrics.readCount());
      m.put("recordsMatched", (long) metrics.matchedCount());
      m.put("executionsStarted", (long) metrics.startedCount());
      m.put("recordsDeadLettered", (long) metrics.deadLetteredCount());
      m.put("lag", metrics.lagCount());
      if (metrics.runningCount() >= 0) {
        m.put("executionsRunning", metrics.runningCount());
        m.put("heldAtLimit", metrics.heldAtLimit());
      }
    }
    return out;
  }
}
