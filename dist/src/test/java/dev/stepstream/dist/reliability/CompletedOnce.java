package dev.stepstream.dist.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.wire.HistoryEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * What a read_committed reader must see of an execution that completed exactly once: terminal
 * summaries all SUCCEEDED with one output, history ids dense from 1 with one event per id, and the
 * expected count of each event type. Under the exactly-once profiles also one terminal summary and
 * one record per history id (at-least-once may re-emit them with the same content).
 */
final class CompletedOnce {
  private CompletedOnce() {}

  static void assertCompletedOnce(CommittedOutputs outputs, String arn, JsonNode output,
      Map<String, Long> eventCounts, boolean exactlyOnce) {
    List<JsonNode> terminal = outputs.terminalSummaries(arn);
    assertThat(terminal).as("terminal summaries of %s", arn).isNotEmpty()
        .allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("SUCCEEDED"));
    assertThat(terminal.stream().map(s -> s.path("output")).collect(Collectors.toSet()))
        .as("outputs of %s (each Task applied once)", arn).containsExactly(output);
    List<HistoryEvent> events = Eventually.await(Duration.ofSeconds(20), () -> {
      List<HistoryEvent> seen = outputs.history(arn);
      assertThat(seen).as("history of %s", arn).anyMatch(e -> e.eventType().equals("ExecutionSucceeded"));
      return seen;
    });
    Map<Long, Set<List<Object>>> byId = events.stream().collect(Collectors.groupingBy(HistoryEvent::id,
        Collectors.mapping(e -> List.of(e.previousEventId(), e.eventType(), String.valueOf(e.details())),
            Collectors.toSet())));
    assertThat(byId.keySet()).as("history ids of %s", arn)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, byId.size()).boxed().toList());
    assertThat(byId.values()).as("one event per id of %s", arn).allSatisfy(v -> assertThat(v).hasSize(1));
    if (exactlyOnce) {
      assertThat(terminal).as("terminal summaries of %s", arn).hasSize(1);
      assertThat(events).as("history records of %s", arn).hasSize(byId.size());
    }
    Map<String, Long> types = byId.values().stream().map(v -> (String) v.iterator().next().get(1))
        .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    eventCounts.forEach((type, count) -> assertThat(types).as("event types of %s", arn).containsEntry(type, count));
  }
}
