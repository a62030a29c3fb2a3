package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ScheduleRecord;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineAlias;
import dev.stepstream.wire.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Schedules on the processor's durable timers, under the real topology and a virtual wall clock. */
class ScheduleTopologyTest extends TopologyTestCase {
  private static final String ARN = "arn:aws:scheduler:us-east-1:123456789012:schedule/default/tick";
  private static final String EXECUTION_PREFIX = "arn:aws:states:us-east-1:123456789012:execution:Test:";

  @BeforeEach
  void defineTarget() {
    harness.define("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
  }

  private ScheduleRecord schedule(String expression, String policy, String state, long updatedAt) {
    return new ScheduleRecord(1, ARN, "tick", expression, null, ScheduleRecord.OFF, null, harnessStart() + 60_000, null,
        TopologyHarness.MACHINE, "{\"at\":\"<aws.scheduler.scheduled-time>\"}", policy, state, harnessStart(), updatedAt);
  }

  private long harnessStart() {
    return Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  }

  private void put(ScheduleRecord record) {
    harness.sendRaw(harness.topics.commands(), record.arn(), WireJson.encode(record));
  }

  private List<StartExecution> starts() {
    return harness.continues().stream().filter(StartExecution.class::isInstance).map(StartExecution.class::cast).toList();
  }

  private List<String> startedNames() {
    return starts().stream().map(StartExecution::name).toList();
  }

  private void minutes(int count) {
    for (int i = 0; i < count; i++) {
      harness.advance(Duration.ofMinutes(1));
    }
  }

  @Test
  void shouldStartExactlyOneExecutionPerPeriodWithDeterministicNames() {
    put(schedule("rate(1 minute)", ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, harnessStart()));
    harness.advance(Duration.ofSeconds(30));
    assertThat(starts()).isEmpty(); // the StartDate is a minute after the harness starts

    harness.advance(Duration.ofSeconds(30));
    List<StartExecution> first = starts();
    assertThat(first).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("tick-20260101T000100");
      assertThat(s.executionArn()).isEqualTo(EXECUTION_PREFIX + "tick-20260101T000100");
      assertThat(s.stateMachineArn()).isEqualTo(TopologyHarness.MACHINE);
      assertThat(s.input().path("at").asText()).isEqualTo("2026-01-01T00:01:00Z");
    });
    harness.advance(Duration.ofSeconds(30));
    assertThat(starts()).isEmpty();

    harness.advance(Duration.ofSeconds(30));
    minutes(3);
    assertThat(startedNames()).containsExactly("tick-20260101T000200", "tick-20260101T000300", "tick-20260101T000400",
        "tick-20260101T000500");
    assertThat(harness.summaries().stream().filter(s -> s.status().name().equals("SUCCEEDED")))
        .extracting(s -> s.name()).containsExactly("tick-20260101T000100", "tick-20260101T000200",
            "tick-20260101T000300", "tick-20260101T000400", "tick-20260101T000500");
  }

  @Test
  void shouldIgnoreASecondStartOfTheSameFiring() {
    put(schedule("rate(1 minute)", ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, harnessStart()));
    minutes(1);
    StartExecution first = starts().get(0);
    assertThat(harness.summaries()).isNotEmpty();

    harness.send(first); // as if the firing's start were written twice
    assertThat(harness.summaries()).isEmpty();
    assertThat(harness.deadLetters()).isEmpty();
  }

  @Test
  void shouldFireOnceForTheLatestMissedFiringAfterDowntime() {
    put(schedule("rate(1 minute)", ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, harnessStart()));
    minutes(1);
    assertThat(startedNames()).containsExactly("tick-20260101T000100");

    harness.advance(Duration.ofMinutes(10)); // the punctuator does not run for ten minutes
    assertThat(startedNames()).containsExactly("tick-20260101T001100");

    minutes(1);
    assertThat(startedNames()).containsExactly("tick-20260101T001200");
  }

  @Test
  void shouldSkipMissedFiringsWhenThePolicyIsSkip() {
    put(schedule("rate(1 minute)", ScheduleRecord.SKIP, ScheduleRecord.ENABLED, harnessStart()));
    minutes(1);
    assertThat(startedNames()).containsExactly("tick-20260101T000100");

    harness.advance(Duration.ofMinutes(10));
    assertThat(starts()).isEmpty();

    minutes(1);
    assertThat(startedNames()).containsExactly("tick-20260101T001200");
  }

  @Test
  void shouldNotFireWhilePausedAndContinueWithTheNextFiringAfterResume() {
    put(schedule("rate(1 minute)", ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, harnessStart()));
    minutes(1);
    assertThat(startedNames()).containsExactly("tick-20260101T000100");

    put(schedule("rate(1 minute)", ScheduleRecord.FIRE_LATEST, ScheduleRecord.DISABLED, harness.nowMillis()));
    minutes(5);
    assertThat(starts()).isEmpty();

    harness.advance(Duration.ofSeconds(20));
    put(schedule("rate(1 minute)", ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, harness.nowMillis()));
    harness.advance(Duration.ofSeconds(30));
    assertThat(starts()).isEmpty(); // no make-up for the pause
    harness.advance(Duration.ofSeconds(10));
    assertThat(startedNames()).containsExactly("tick-20260101T000700");
  }

  @Test
  void shouldNotRepeatAFiringWhenTheSameRecordArrivesAgain() {
    ScheduleRecord record = schedule("rate(1 minute)", ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, harnessStart());
    put(record);
    minutes(1);
    assertThat(startedNames()).containsExactly("tick-20260101T000100");

    put(record);
    minutes(1);
    assertThat(startedNames()).containsExactly("tick-20260101T000200");
  }

  @Test
  void shouldStopFiringWhenDeleted() {
    put(schedule("rate(1 minute)", ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, harnessStart()));
    minutes(1);
    assertThat(starts()).hasSize(1);

    harness.sendRaw(harness.topics.commands(), ARN, null);
    minutes(5);
    assertThat(starts()).isEmpty();
    assertThat(harness.deadLetters()).isEmpty();
  }

  @Test
  void shouldFireAFlexibleScheduleAtItsOffsetInsideTheWindowWithTheScheduledTimeInItsName() {
    ScheduleRecord record = new ScheduleRecord(1, ARN, "tick", "cron(0 1 * * ? *)", null, ScheduleRecord.FLEXIBLE, 30,
        null, null, TopologyHarness.MACHINE, "{\"at\":\"<aws.scheduler.scheduled-time>\"}", ScheduleRecord.FIRE_LATEST,
        ScheduleRecord.ENABLED, harnessStart(), harnessStart());
    long offset = dev.stepstream.processor.schedules.ScheduleSpec.of(record)
        .offsetMillis(Instant.parse("2026-01-01T01:00:00Z"));
    put(record);
    harness.advance(Duration.ofHours(1).plusMillis(offset).minusSeconds(1));
    assertThat(starts()).isEmpty();

    harness.advance(Duration.ofSeconds(1));
    assertThat(starts()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("tick-20260101T010000");
      assertThat(s.input().path("at").asText()).isEqualTo("2026-01-01T01:00:00Z");
      assertThat(s.requestedAt()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z").toEpochMilli() + offset);
    });
  }

  @Test
  void shouldFireAnAtScheduleOnce() {
    put(new ScheduleRecord(1, ARN, "tick", "at(2026-01-01T00:02:00)", null, ScheduleRecord.OFF, null, null, null,
        TopologyHarness.MACHINE, null, ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, harnessStart(), harnessStart()));
    minutes(5);
    assertThat(starts()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("tick-20260101T000200");
      assertThat(s.input().isObject() && s.input().isEmpty()).isTrue();
    });
  }

  @Test
  void shouldRouteAnAliasTargetToAVersion() {
    String alias = TopologyHarness.MACHINE + ":prod";
    harness.sendRaw(harness.topics.definitions(), alias, WireJson.encode(new StateMachineAlias(1, alias, "prod",
        TopologyHarness.MACHINE, null, List.of(new StateMachineAlias.Route(TopologyHarness.MACHINE + ":3", 100)), 1L, 1L)));
    put(new ScheduleRecord(1, ARN, "tick", "rate(1 minute)", null, ScheduleRecord.OFF, null, null, null, alias, null,
        ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, harnessStart(), harnessStart()));
    harness.advance(Duration.ofSeconds(1));
    assertThat(starts()).singleElement().satisfies(s -> {
      assertThat(s.stateMachineArn()).isEqualTo(TopologyHarness.MACHINE + ":3");
      assertThat(s.stateMachineAliasArn()).isEqualTo(alias);
      assertThat(s.executionArn()).isEqualTo(EXECUTION_PREFIX + "tick-20260101T000000");
    });
  }

  @Test
  void shouldDeadLetterAScheduleThatCannotBeUsed() {
    put(new ScheduleRecord(1, ARN, "tick", "cron(0 12 * * ?)", null, ScheduleRecord.OFF, null, null, null,
        TopologyHarness.MACHINE, null, ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, harnessStart(), harnessStart()));
    assertThat(harness.deadLetters()).singleElement()
        .satisfies(d -> assertThat(d.reason()).contains("ScheduleExpression: cron(0 12 * * ?) has 5 fields, expected 6"));
  }
}
