package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.processor.PoisonRecords.Kind;
import dev.stepstream.processor.PoisonRecords.Poison;
import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Good and bad records mixed on both input topics: every good execution completes exactly once,
 * and every bad record is dead-lettered once, with a reason and where it was read.
 */
class PoisonRecordsTest extends TopologyTestCase {
  static final String SHOUT = """
      {"StartAt": "Shout", "States": {
        "Shout": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Shout", "End": true}}}
      """;
  private static final int EXECUTIONS = 2_000;
  private static final int BAD_PER_PHASE = 3_000;

  private final Random random = new Random(19);
  private final PoisonRecords poisons = new PoisonRecords(19);
  private final Map<String, Long> nextOffset = new HashMap<>();
  private final Map<String, String> expectedLetters = new HashMap<>();

  @Test
  void shouldCompleteEveryGoodExecutionAndDeadLetterEveryBadRecordAmongTenThousand() {
    harness.define(SHOUT);
    List<String> good = new ArrayList<>();
    for (int i = 0; i < EXECUTIONS; i++) {
      good.add("arn:aws:states:us-east-1:123456789012:execution:Test:good-" + i);
    }
    mix(good, arn -> send(harness.topics.commands(), arn, PoisonRecords.start(arn, TopologyHarness.MACHINE)));
    Map<String, String> tokens = harness.taskRequests("Shout").stream()
        .collect(Collectors.toMap(TaskRequest::executionArn, TaskRequest::taskToken));
    assertThat(tokens).hasSize(EXECUTIONS);
    mix(good, arn -> send(harness.topics.taskResults(), arn, PoisonRecords.succeeded(arn, tokens.get(arn))));
    harness.advance(Duration.ofMillis(PendingStarts.GIVE_UP_MILLIS + 1_000));

    assertThat(sentRecords()).isEqualTo(10_000);
    assertEveryGoodExecutionSucceededOnce(good);
    List<DeadLetter> letters = harness.deadLetters();
    assertThat(letters).hasSize(2 * BAD_PER_PHASE).allSatisfy(l -> assertThat(l.reason()).isNotBlank());
    Set<String> coordinates = letters.stream().map(l -> l.sourceTopic() + "@" + l.offset()).collect(Collectors.toSet());
    Map<String, String> unmatched = new HashMap<>(expectedLetters);
    unmatched.keySet().removeAll(coordinates);
    assertThat(unmatched).as("bad records without a letter at their coordinates").isEmpty();
    assertThat(harness.metrics.deadLetteredCount()).isEqualTo(2 * BAD_PER_PHASE);
  }

  @Test
  void shouldDeadLetterTwoMebibyteValuesWithABoundedLetterAndKeepProcessing() {
    harness.define(SHOUT);
    String arn = "arn:aws:states:us-east-1:123456789012:execution:Test:after-big";
    for (String topic : List.of(harness.topics.commands(), harness.topics.taskResults())) {
      for (Kind kind : List.of(Kind.TWO_MIB_GARBAGE, Kind.TWO_MIB_JSON_STRING)) {
        Poison poison = poisons.make(kind, nextOffset.size());
        send(topic, poison.key(), poison.value());
      }
    }
    send(harness.topics.commands(), arn, PoisonRecords.start(arn, TopologyHarness.MACHINE));

    List<DeadLetter> letters = harness.deadLetters();
    assertThat(letters).hasSize(4).allSatisfy(letter -> {
      assertThat(letter.valueBase64().length()).isLessThan(DeadLetters.MAX_KEPT_VALUE_BYTES * 2);
      assertThat(letter.reason()).contains("2097").contains("bytes");
    });
    assertThat(harness.taskRequests("Shout")).singleElement().extracting(TaskRequest::executionArn).isEqualTo(arn);
  }

  /** Sends each good record once, in a seeded shuffle with {@link #BAD_PER_PHASE} bad ones. */
  private void mix(List<String> good, java.util.function.Consumer<String> sendGood) {
    List<String> slots = new ArrayList<>(good);
    for (int i = 0; i < BAD_PER_PHASE; i++) {
      slots.add(null);
    }
    Collections.shuffle(slots, random);
    List<Kind> kinds = PoisonRecords.everyday();
    for (String arn : slots) {
      if (arn != null) {
        sendGood.accept(arn);
      } else {
        Poison poison = poisons.make(kinds.get(random.nextInt(kinds.size())), expectedLetters.size());
        String topic = random.nextBoolean() ? harness.topics.commands() : harness.topics.taskResults();
        expectedLetters.put(topic + "@" + nextOffset.getOrDefault(topic, 0L), poison.kind());
        send(topic, poison.key(), poison.value());
      }
    }
  }

  private void send(String topic, String key, byte[] value) {
    harness.sendRaw(topic, key, value);
    nextOffset.merge(topic, 1L, Long::sum);
  }

  private long sentRecords() {
    return nextOffset.values().stream().mapToLong(Long::longValue).sum();
  }

  private void assertEveryGoodExecutionSucceededOnce(List<String> good) {
    Map<String, ExecutionStatus> last = new HashMap<>();
    for (ExecutionSummary summary : harness.summaries()) {
      last.put(summary.executionArn(), summary.status());
    }
    assertThat(last).hasSize(EXECUTIONS);
    assertThat(good).allSatisfy(arn -> assertThat(last.get(arn)).isEqualTo(ExecutionStatus.SUCCEEDED));
    List<HistoryEvent> history = harness.history();
    Set<String> succeeded = new HashSet<>();
    long terminal = history.stream().filter(e -> e.eventType().equals("ExecutionSucceeded"))
        .peek(e -> succeeded.add(e.executionArn())).count();
    assertThat(terminal).isEqualTo(EXECUTIONS);
    assertThat(succeeded).hasSize(EXECUTIONS);
  }
}
