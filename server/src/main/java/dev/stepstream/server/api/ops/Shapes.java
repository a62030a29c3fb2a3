package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.StateMachineRecord;

/** AWS response shapes of the records the API reads. */
public final class Shapes {
  private Shapes() {}

  public static ObjectNode stateMachineListItem(StateMachineRecord m) {
    ObjectNode item = AwsJson.object();
    item.put("stateMachineArn", m.arn());
    item.put("name", m.name());
    item.put("type", type(m));
    item.set("creationDate", AwsJson.timestamp(m.createdAt()));
    return item;
  }

  public static ObjectNode stateMachine(StateMachineRecord m) {
    ObjectNode out = AwsJson.object();
    out.put("stateMachineArn", m.arn());
    out.put("name", m.name());
    out.put("status", "ACTIVE");
    out.put("definition", m.definition());
    out.put("roleArn", m.roleArn() == null ? "" : m.roleArn());
    out.put("type", type(m));
    out.set("creationDate", AwsJson.timestamp(m.createdAt()));
    out.set("loggingConfiguration", LoggingSettings.shape(m.logging()));
    out.putObject("tracingConfiguration").put("enabled", false);
    if (m.revisionId() != null) {
      out.put("revisionId", m.revisionId());
    }
    if (m.description() != null) {
      out.put("description", m.description());
    }
    return out;
  }

  public static String type(StateMachineRecord m) {
    return m.machineType() == null ? "STANDARD" : m.machineType();
  }

  public static ObjectNode activity(StateMachineRecord a) {
    ObjectNode out = AwsJson.object();
    out.put("activityArn", a.arn());
    out.put("name", a.name());
    out.set("creationDate", AwsJson.timestamp(a.createdAt()));
    return out;
  }

  public static ObjectNode executionListItem(ExecutionSummary s) {
    ObjectNode item = AwsJson.object();
    item.put("executionArn", s.executionArn());
    item.put("stateMachineArn", Arns.unqualified(s.stateMachineArn()));
    if (Arns.parse(s.stateMachineArn()).filter(Arns.Parsed::isVersion).isPresent()) {
      item.put("stateMachineVersionArn", s.stateMachineArn());
    }
    if (s.stateMachineAliasArn() != null) {
      item.put("stateMachineAliasArn", s.stateMachineAliasArn());
    }
    item.put("name", s.name());
    item.put("status", s.status().name());
    item.set("startDate", AwsJson.timestamp(s.startDate()));
    if (s.stopDate() != null) {
      item.set("stopDate", AwsJson.timestamp(s.stopDate()));
    }
    item.put("redriveCount", s.redriveCount());
    if (s.redriveDate() != null) {
      item.set("redriveDate", AwsJson.timestamp(s.redriveDate()));
    }
    return item;
  }

  /** DescribeExecution without the time-based redrive reasons (max execution time, redrivable period). */
  public static ObjectNode execution(ExecutionSummary s) {
    return execution(s, Long.MIN_VALUE / 2);
  }

  /** DescribeExecution at {@code nowMillis} (which decides whether the redrive period has passed). */
  public static ObjectNode execution(ExecutionSummary s, long nowMillis) {
    ObjectNode out = executionListItem(s);
    putPayload(out, "input", s.input());
    putPayload(out, "output", s.output());
    if (s.error() != null) {
      out.put("error", s.error());
    }
    if (s.cause() != null) {
      out.put("cause", s.cause());
    }
    if (s.traceHeader() != null) {
      out.put("traceHeader", s.traceHeader());
    }
    if (s.mapRunArn() != null) {
      out.put("mapRunArn", s.mapRunArn());
    }
    java.util.Optional<String> notRedrivable = RedriveStatus.notRedrivableReason(s, nowMillis);
    out.put("redriveStatus", notRedrivable.isEmpty() ? RedriveStatus.REDRIVABLE : RedriveStatus.NOT_REDRIVABLE);
    notRedrivable.ifPresent(reason -> out.put("redriveStatusReason", reason));
    return out;
  }

  /** AWS returns payloads as JSON text, with a details object saying whether it was included. */
  public static void putPayload(ObjectNode out, String member, JsonNode payload) {
    if (payload == null || payload.isMissingNode()) {
      return;
    }
    out.put(member, AwsJson.write(payload));
    out.putObject(member + "Details").put("included", true);
  }

  /** AWS's HistoryEvent: timestamp, type, id, previousEventId and the details under their AWS member name. */
  public static ObjectNode historyEvent(HistoryEvent e, boolean includeExecutionData) {
    ObjectNode out = AwsJson.object();
    out.set("timestamp", AwsJson.timestamp(e.timestamp()));
    out.put("type", e.eventType());
    out.put("id", e.id());
    out.put("previousEventId", e.previousEventId());
    if (e.detailsName() != null && e.details() != null) {
      JsonNode details = e.details();
      if (!includeExecutionData && details.isObject()) {
        ObjectNode copy = ((ObjectNode) details).deepCopy();
        copy.remove("input");
        copy.remove("output");
        details = copy;
      }
      out.set(e.detailsName(), details);
    }
    return out;
  }
}
