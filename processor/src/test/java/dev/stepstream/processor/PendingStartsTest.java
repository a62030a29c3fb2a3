package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.ParentExecution;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingStartsTest {
  private static final long T0 = 1_767_225_600_000L;
  private final MapStore<String, byte[]> store = new MapStore<>(PendingStarts.STORE);
  private final Set<String> defined = new HashSet<>();
  private final RecordingSink sink = new RecordingSink();
  private final List<StartExecution> undefinedChildren = new ArrayList<>();
  private final PendingStarts pending = new PendingStarts(store, defined::contains,
      new DeadLetters(sink, new ProcessorMetrics(), () -> new DeadLetters.Origin("commands", 4, 77), () -> T0),
      undefinedChildren::add);
  private final List<StartExecution> applied = new ArrayList<>();

  @Test
  void shouldParkStartUntilDefinitionArrives() {
    StartExecution start = Executions.startOf("early", T0);

    assertThat(pending.parkIfUndefined(start, T0)).isTrue();
    pending.retry(T0 + 1_000, applied::add);
    assertThat(applied).isEmpty();

    defined.add(Executions.MACHINE);
    pending.retry(T0 + 2_000, applied::add);

    assertThat(applied).containsExactly(start);
    assertThat(store.map).isEmpty();
    assertThat(sink.sent).isEmpty();
  }

  @Test
  void shouldNotReadTheStoreAgainOnceItWasFoundEmptyUntilAStartIsParked() {
    pending.retry(T0, applied::add);
    int readsWhenFoundEmpty = store.wholeStoreReads;
    pending.retry(T0 + 1_000, applied::add);
    assertThat(store.wholeStoreReads).isEqualTo(readsWhenFoundEmpty);

    StartExecution start = Executions.startOf("late", T0);
    pending.parkIfUndefined(start, T0 + 2_000);
    defined.add(Executions.MACHINE);
    pending.retry(T0 + 3_000, applied::add);

    assertThat(applied).containsExactly(start);
    assertThat(store.wholeStoreReads).isGreaterThan(readsWhenFoundEmpty);
  }

  @Test
  void shouldRetryStartsThatWereInTheStoreBeforeItWasCreated() {
    StartExecution restored = Executions.startOf("restored", T0);
    store.put(restored.executionArn(), new PendingStarts.Parked(restored, new DeadLetters.Origin("commands", 1, 2)).encode());
    PendingStarts afterRestart = new PendingStarts(store, defined::contains,
        new DeadLetters(sink, new ProcessorMetrics(), () -> new DeadLetters.Origin("commands", 4, 77), () -> T0),
        undefinedChildren::add);

    defined.add(Executions.MACHINE);
    afterRestart.retry(T0 + 1_000, applied::add);

    assertThat(applied).containsExactly(restored);
  }

  @Test
  void shouldNotParkAStartWhoseStateMachineIsKnown() {
    defined.add(Executions.MACHINE);

    assertThat(pending.parkIfUndefined(Executions.startOf("known", T0), T0)).isFalse();
    assertThat(store.map).isEmpty();
  }

  @Test
  void shouldNotParkInputsOtherThanStarts() {
    TaskSucceeded result = new TaskSucceeded(1, Executions.arn("x"), "token", JsonNodeFactory.instance.objectNode());

    assertThat(pending.parkIfUndefined(result, T0)).isFalse();
    assertThat(store.map).isEmpty();
  }

  @Test
  void shouldKeepAStartParkedForUpToOneMinute() {
    pending.parkIfUndefined(Executions.startOf("waiting", T0), T0);

    pending.retry(T0 + PendingStarts.GIVE_UP_MILLIS, applied::add);

    assertThat(store.map).containsOnlyKeys(Executions.arn("waiting"));
    assertThat(applied).isEmpty();
    assertThat(sink.sent).isEmpty();
  }

  @Test
  void shouldDeadLetterAStartWhoseStateMachineNeverArrives() {
    StartExecution start = Executions.startOf("orphan", T0);
    pending.parkIfUndefined(start, T0);

    pending.retry(T0 + PendingStarts.GIVE_UP_MILLIS + 1, applied::add);

    assertThat(store.map).isEmpty();
    assertThat(applied).isEmpty();
    assertThat(sink.to("DEAD_LETTERS")).singleElement().satisfies(sent -> {
      assertThat(sent.key()).isEqualTo(start.executionArn());
      DeadLetter letter = WireJson.decode(sent.value(), DeadLetter.class);
      assertThat(letter.reason()).isEqualTo("state machine " + Executions.MACHINE + " does not exist");
      assertThat(letter.sourceTopic()).isEqualTo("commands");
      assertThat(letter.partition()).isEqualTo(4);
      assertThat(letter.offset()).isEqualTo(77L);
      assertThat(WireJson.decode(java.util.Base64.getDecoder().decode(letter.valueBase64()), StartExecution.class))
          .isEqualTo(start);
    });
  }

  @Test
  void shouldKeepOnlyTheLatestParkedStartOfOneExecution() {
    pending.parkIfUndefined(Executions.startOf("twice", T0), T0);
    StartExecution second = Executions.startOf("twice", T0 + 10);
    pending.parkIfUndefined(second, T0);
    defined.add(Executions.MACHINE);

    pending.retry(T0 + 20, applied::add);

    assertThat(applied).containsExactly(second);
  }

  private static StartExecution childStart(String name, long requestedAt) {
    StartExecution plain = Executions.startOf(name, requestedAt);
    return new StartExecution(1, plain.executionArn(), plain.stateMachineArn(), name, plain.input(), requestedAt, null,
        null, new ParentExecution(Executions.arn("parent"), "parent-token", "arn:aws:states:::states:startExecution.sync"));
  }

  @Test
  void shouldHandAChildStartOverAtOnceWhenItsGraceHasPassed() {
    StartExecution child = childStart("late-child", T0);

    assertThat(pending.parkIfUndefined(child, T0 + PendingStarts.CHILD_GRACE_MILLIS)).isTrue();

    assertThat(undefinedChildren).containsExactly(child);
    assertThat(store.map).isEmpty();
  }

  @Test
  void shouldHandAParkedChildStartOverAfterItsGraceNotAfterOneMinute() {
    StartExecution child = childStart("early-child", T0);
    pending.parkIfUndefined(child, T0 + 10);
    pending.retry(T0 + PendingStarts.CHILD_GRACE_MILLIS - 1, applied::add);
    assertThat(undefinedChildren).isEmpty();

    pending.retry(T0 + PendingStarts.CHILD_GRACE_MILLIS, applied::add);

    assertThat(undefinedChildren).containsExactly(child);
    assertThat(store.map).isEmpty();
    assertThat(sink.sent).isEmpty();
    assertThat(applied).isEmpty();
  }

  @Test
  void shouldApplyAParkedChildStartWhoseStateMachineArrivesWithinItsGrace() {
    StartExecution child = childStart("quick-child", T0);
    pending.parkIfUndefined(child, T0);
    defined.add(Executions.MACHINE);

    pending.retry(T0 + PendingStarts.CHILD_GRACE_MILLIS + 5, applied::add);

    assertThat(applied).containsExactly(child);
    assertThat(undefinedChildren).isEmpty();
  }
}
