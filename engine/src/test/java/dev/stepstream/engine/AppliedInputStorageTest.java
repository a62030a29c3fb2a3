package dev.stepstream.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppliedInputStorageTest {
  private static final String TWO_TASKS = """
      {"StartAt":"A","States":{
        "A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Work","HeartbeatSeconds":30,"Next":"B"},
        "B":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Work","End":true}}}""";

  @Test
  void shouldRoundTripTheLastAppliedInputWithEveryKindOfOutput() {
    TestDriver d = new TestDriver(TWO_TASKS).start("{\"n\":1}");
    Decision first = d.succeedTask("{\"r\":2}");
    List<Effect> effects = new ArrayList<>(first.effects());
    effects.add(new Effect.ContinueLater(7));
    effects.add(new Effect.CancelTimer("t-9"));
    effects.add(new Effect.PublishSummary(d.state.summary()));
    AppliedInput applied = new AppliedInput("task:abc", first.events(), effects);

    ExecutionState decoded = ExecutionStateCodec.decode(ExecutionStateCodec.encode(d.state.withLastApplied(applied)));

    assertThat(decoded.lastApplied()).contains(applied);
    assertThat(decoded.withLastApplied(null)).isEqualTo(d.state);
    assertThat(first.effects()).hasAtLeastOneElementOfType(Effect.ScheduleTask.class)
        .hasAtLeastOneElementOfType(Effect.StartTimer.class);
  }

  @Test
  void shouldReadStatesWithoutAppliedInputAndNeverCarryItIntoTheNextDecision() {
    TestDriver d = new TestDriver(TWO_TASKS).start("{}");
    assertThat(ExecutionStateCodec.decode(ExecutionStateCodec.encode(d.state)).lastApplied()).isEmpty();

    d.state = d.state.withLastApplied(new AppliedInput("start:x", d.history, List.of()));
    Decision next = d.succeedTask("{}");

    assertThat(next.state().orElseThrow().lastApplied()).isEmpty();
  }

  @Test
  void shouldReadFormatTwoStatesWrittenBeforeAppliedInputs() {
    TestDriver d = new TestDriver(TWO_TASKS).start("{}");
    byte[] formatThree = ExecutionStateCodec.encode(d.state);
    byte[] formatTwo = java.util.Arrays.copyOf(formatThree, formatThree.length - 1); // drop the absent-trailer flag
    formatTwo[0] = 2;

    assertThat(ExecutionStateCodec.decode(formatTwo)).isEqualTo(d.state);
  }
}
