package dev.stepstream.server.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.model.Resource;
import dev.stepstream.engine.task.ResourceMapping;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.wire.HistoryEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tasks of an execution that a worker still has to answer: each Lambda, activity or service
 * integration Scheduled event with no outcome yet, and the worker task name it was sent to. An
 * outcome finds its Scheduled event by walking back {@code previousEventId}, so branches and Map
 * iterations running side by side are told apart.
 */
final class OpenTasks {
  private static final List<String> KINDS = List.of("LambdaFunction", "Activity", "Task");
  private static final Set<String> OUTCOMES = Set.of("Succeeded", "Failed", "TimedOut", "StartFailed",
      "ScheduleFailed", "SubmitFailed");

  /** A task waiting for a worker. */
  record OpenTask(long scheduledEventId, String taskName) {}

  private OpenTasks() {}

  static List<OpenTask> of(List<HistoryEvent> history) {
    Map<Long, HistoryEvent> byId = new LinkedHashMap<>();
    Map<Long, HistoryEvent> open = new LinkedHashMap<>();
    for (HistoryEvent event : history) {
      byId.put(event.id(), event);
      if (isScheduled(event.eventType())) {
        open.put(event.id(), event);
      } else if (isOutcome(event.eventType())) {
        scheduledBefore(event, byId).ifPresent(open::remove);
      }
    }
    List<OpenTask> out = new ArrayList<>();
    open.values().forEach(e -> taskName(e).ifPresent(name -> out.add(new OpenTask(e.id(), name))));
    return out;
  }

  /** The worker task name a Scheduled event was sent to; empty for the integrations Stepstream runs itself. */
  static Optional<String> taskName(HistoryEvent scheduled) {
    JsonNode d = scheduled.details();
    if (d == null) {
      return Optional.empty();
    }
    String arn = d.hasNonNull("resourceType")
        ? "arn:aws:states:::" + d.path("resourceType").asText() + ":" + d.path("resource").asText()
        : d.path("resource").asText("");
    JsonNode parameters = AwsJson.parse(d.path("parameters").asText("{}")).orElse(AwsJson.object());
    return Resource.parse(arn)
        .map(resource -> ResourceMapping.target(resource, parameters).taskName())
        .filter(name -> !name.startsWith(ResourceMapping.BUILT_IN_PREFIX));
  }

  private static Optional<Long> scheduledBefore(HistoryEvent outcome, Map<Long, HistoryEvent> byId) {
    HistoryEvent at = byId.get(outcome.previousEventId());
    for (int steps = 0; at != null && steps < 16; steps++) {
      if (isScheduled(at.eventType())) {
        return Optional.of(at.id());
      }
      at = byId.get(at.previousEventId());
    }
    return Optional.empty();
  }

  private static boolean isScheduled(String type) {
    return KINDS.stream().anyMatch(k -> type.equals(k + "Scheduled"));
  }

  private static boolean isOutcome(String type) {
    return KINDS.stream().anyMatch(k -> type.startsWith(k) && OUTCOMES.contains(type.substring(k.length())));
  }
}
