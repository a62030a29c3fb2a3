package dev.stepstream.dist.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.wire.HistoryEvent;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * What a read_committed reader must see of executions run under exactly-once, whatever failed in
 * between: one SUCCEEDED summary with the expected output, history ids 1..n each written once (none
 * lost, none duplicated), and each Task scheduled and succeeded once.
 */
final class ExactlyOnce {
  private ExactlyOnce() {}

  /** Checks every execution; returns each one's committed history as event types in id order. */
  static Map<String, List<String>> assertEachCompletedOnce(CommittedOutputs outputs, List<String> arns, int tasks,
      JsonNode expectedOutput) {
    Map<String, List<String>> histories = new HashMap<>();
    for (String arn : arns) {
      List<JsonNode> terminal = outputs.terminalSummaries(arn);
      assertThat(terminal).as("terminal summaries of %s", arn).hasSize(1);
      assertThat(terminal.get(0).path("status").asText()).as("status of %s", arn).isEqualTo("SUCCEEDED");
      assertThat(terminal.get(0).path("output")).as("output of %s (each Task applied once)", arn)
          .isEqualTo(expectedOutput);
      List<HistoryEvent> events = Eventually.await(Duration.ofSeconds(30), () -> {
        List<HistoryEvent> seen = outputs.history(arn);
        assertThat(seen).as("history of %s", arn).anyMatch(e -> e.eventType().equals("ExecutionSucceeded"));
        return seen;
      });
      assertThat(events).extracting(HistoryEvent::id).as("history ids of %s (none lost, none duplicated)", arn)
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
      List<String> types = events.stream().sorted(Comparator.comparingLong(HistoryEvent::id))
          .map(HistoryEvent::eventType).toList();
      Map<String, Long> counts = types.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
      assertThat(counts).as("event types of %s", arn).containsEntry("LambdaFunctionScheduled", (long) tasks)
          .containsEntry("LambdaFunctionSucceeded", (long) tasks).containsEntry("WaitStateExited", 1L)
          .containsEntry("ExecutionSucceeded", 1L);
      histories.put(arn, types);
    }
    return histories;
  }
}
