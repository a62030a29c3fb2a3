package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.WireJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code arn:aws:states:::events:putEvents}: writes each entry as the event a rule target would
 * receive ({@code {version, id, detail-type, source, account, time, region, resources, detail}}) to
 * the topic mapped from its EventBusName (default {@code default}). As on AWS the state machine
 * and execution ARNs are appended to each entry's Resources, the result is
 * {@code {Entries: [{EventId} or {ErrorCode, ErrorMessage}], FailedEntryCount}}, and a non-zero
 * FailedEntryCount fails the Task with {@code EventBridge.FailedEntry} (the valid entries are written).
 */
final class EventsPutEvents implements Integration {
  static final String INVALID = "EventBridge.InvalidArgumentException";
  static final String FAILED_ENTRY = "EventBridge.FailedEntry";

  private final TopicRouter router;

  EventsPutEvents(TopicRouter router) {
    this.router = router;
  }

  @Override
  public Plan plan(Call call) {
    try {
      JsonNode entries = call.request().input().get("Entries");
      if (entries == null || !entries.isArray() || entries.isEmpty()) {
        throw new IntegrationFailure(INVALID, "The parameter 'Entries' must be a non-empty array.");
      }
      List<Outgoing> records = new ArrayList<>();
      List<JsonNode> resultEntries = new ArrayList<>();
      for (JsonNode entry : entries) {
        String eventId = call.ids().get();
        String problem = problemOf(entry);
        if (problem != null) {
          resultEntries.add(AwsShapes.object().put("ErrorCode", problem.substring(0, problem.indexOf(':')))
              .put("ErrorMessage", problem.substring(problem.indexOf(':') + 2)));
          continue;
        }
        String bus = entry.path("EventBusName").asText("default");
        String topic = router.events(bus);
        if (!call.topics().ensure(topic)) {
          throw new IntegrationFailure("EventBridge.ResourceNotFoundException", "Event bus " + bus + " does not exist.");
        }
        List<Outgoing.Header> headers = new ArrayList<>();
        Messages.addTokenHeaders(headers, call);
        ObjectNode event = event(call, entry, eventId);
        records.add(new Outgoing(topic, entry.path("Source").asText(), Params.utf8(event.toString()), headers));
        resultEntries.add(AwsShapes.object().put("EventId", eventId));
      }
      return new Plan(records, written -> outcome(resultEntries));
    } catch (IntegrationFailure e) {
      return Plan.failed(e);
    }
  }

  private static Outcome outcome(List<JsonNode> entries) {
    ObjectNode result = AwsShapes.object();
    ArrayNode array = result.putArray("Entries");
    entries.forEach(array::add);
    long failed = entries.stream().filter(e -> e.has("ErrorCode")).count();
    result.put("FailedEntryCount", failed);
    if (failed > 0) {
      return new Outcome.Failed(FAILED_ENTRY, result.toString());
    }
    return new Outcome.Succeeded(result);
  }

  /** {@code "<ErrorCode>: <message>"} for an entry EventBridge would reject, or null. */
  private static String problemOf(JsonNode entry) {
    for (String required : List.of("Source", "DetailType", "Detail")) {
      if (!entry.hasNonNull(required)) {
        return "InvalidArgument: Parameter " + required + " is not valid. Reason: " + required
            + " is a required argument.";
      }
    }
    if (detail(entry) == null) {
      return "MalformedDetail: Detail is malformed.";
    }
    if (entry.hasNonNull("Time") && time(entry, 0) == null) {
      return "InvalidArgument: Parameter Time is not valid. Reason: not an ISO-8601 timestamp.";
    }
    return null;
  }

  private static ObjectNode event(Call call, JsonNode entry, String eventId) {
    ObjectNode event = AwsShapes.object();
    event.put("version", "0");
    event.put("id", eventId);
    event.put("detail-type", Params.textOf(entry.get("DetailType")));
    event.put("source", Params.textOf(entry.get("Source")));
    event.put("account", call.account());
    event.put("time", time(entry, call.nowMillis()));
    event.put("region", call.region());
    ArrayNode resources = event.putArray("resources");
    entry.path("Resources").forEach(resources::add);
    String stateMachine = call.request().context() == null ? ""
        : call.request().context().path("StateMachine").path("Id").asText("");
    if (!stateMachine.isEmpty()) {
      resources.add(stateMachine);
    }
    resources.add(call.request().executionArn());
    event.set("detail", detail(entry));
    return event;
  }

  /** Detail as a JSON object: an object as written, or a string holding one; null otherwise. */
  private static JsonNode detail(JsonNode entry) {
    JsonNode detail = entry.get("Detail");
    if (detail.isObject()) {
      return detail;
    }
    if (detail.isTextual()) {
      try {
        JsonNode parsed = WireJson.mapper().readTree(detail.textValue());
        return parsed != null && parsed.isObject() ? parsed : null;
      } catch (JsonProcessingException e) {
        return null;
      }
    }
    return null;
  }

  private static String time(JsonNode entry, long nowMillis) {
    JsonNode time = entry.get("Time");
    if (time == null || time.isNull()) {
      return AwsShapes.isoSeconds(nowMillis);
    }
    if (time.isNumber()) {
      return AwsShapes.isoSeconds(time.asLong() * 1000);
    }
    try {
      return AwsShapes.isoSeconds(Instant.parse(time.asText()).toEpochMilli());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
