package dev.stepstream.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.engine.runtime.BinaryWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AppliedInputStorageTest {
  private static final String TWO_TASKS = """
      {"StartAt":"A","States":{
        "A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Work","HeartbeatSeconds":30,"Next":"B"},
        "B":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Work","End":true}}}""";

  @Test
  void shouldRoundTripTheLastAppliedInputWithTheHostsOutputBytes() {
    TestDriver d = new TestDriver(TWO_TASKS).start("{\"n\":1}");
    d.succeedTask("{\"r\":2}");
    AppliedInput applied = new AppliedInput("task:abc", "any bytes the host wrote \u00e9".getBytes(UTF_8));

    ExecutionState decoded = ExecutionStateCodec.decode(ExecutionStateCodec.encode(d.state.withLastApplied(applied)));

    assertThat(decoded.lastApplied()).contains(applied);
    assertThat(decoded.withLastApplied(null)).isEqualTo(d.state);
  }

  @Test
  void shouldCutTheAppliedInputFromStoredBytesToTheSameBytesAsEncodingWithoutIt() {
    TestDriver d = new TestDriver(TWO_TASKS).start("{\"n\":1}");
    byte[] without = ExecutionStateCodec.encode(d.state);
    for (int outputBytes : new int[] {0, 63, 64, 8_191, 8_192, 70_000}) {
      AppliedInput applied = new AppliedInput("task:\u00e9" + outputBytes, new byte[outputBytes]);
      ExecutionState withApplied = d.state.withLastApplied(applied);

      assertThat(ExecutionStateCodec.encodeWithoutLastApplied(withApplied, ExecutionStateCodec.encode(withApplied), 0))
          .as("%d bytes of outputs", outputBytes).isEqualTo(without);
    }
    assertThat(ExecutionStateCodec.encodeWithoutLastApplied(d.state, without, 0)).isEqualTo(without);
  }

  @Test
  void shouldEncodeAgainWhenTheStoredBytesAreNotTheStatesOwnInTheCurrentFormat() {
    TestDriver d = new TestDriver(TWO_TASKS).start("{}");
    ExecutionState withApplied = d.state.withLastApplied(new AppliedInput("start:x", new byte[] {1, 2, 3}));
    BinaryWriter formatTwo = new BinaryWriter(1024);
    GoldenExecutionStates.writeBody(formatTwo, 2, d.state, true);
    byte[] without = ExecutionStateCodec.encode(d.state);

    assertThat(ExecutionStateCodec.encodeWithoutLastApplied(withApplied, null, 0)).isEqualTo(without);
    assertThat(ExecutionStateCodec.encodeWithoutLastApplied(withApplied, formatTwo.toByteArray(), 0))
        .isEqualTo(without);
    assertThat(ExecutionStateCodec.encodeWithoutLastApplied(withApplied, without, 0)).isEqualTo(without);
    assertThat(ExecutionStateCodec.encodeWithoutLastApplied(withApplied, new byte[] {8}, 0)).isEqualTo(without);
  }

  @Test
  void shouldReadStatesWithoutAppliedInputAndNeverCarryItIntoTheNextDecision() {
    TestDriver d = new TestDriver(TWO_TASKS).start("{}");
    assertThat(ExecutionStateCodec.decode(ExecutionStateCodec.encode(d.state)).lastApplied()).isEmpty();

    d.state = d.state.withLastApplied(new AppliedInput("start:x", new byte[] {1, 2, 3}));
    Decision next = d.succeedTask("{}");

    assertThat(next.state().orElseThrow().lastApplied()).isEmpty();
  }

  @Test
  void shouldReadFormatTwoStatesWrittenBeforeAppliedInputs() {
    TestDriver d = new TestDriver(TWO_TASKS).start("{}");
    BinaryWriter formatTwo = new BinaryWriter(1024);
    GoldenExecutionStates.writeBody(formatTwo, 2, d.state, true);

    assertThat(ExecutionStateCodec.decode(formatTwo.toByteArray())).isEqualTo(withoutRevision(d.state));
  }

  @Test
  void shouldStepOverTheJsonTrailerOfFormatThreeStates() {
    TestDriver d = new TestDriver(TWO_TASKS).start("{}");
    BinaryWriter body = new BinaryWriter(1024);
    GoldenExecutionStates.writeBody(body, 3, d.state, true);
    byte[] current = body.toByteArray();
    BinaryWriter trailer = new BinaryWriter(256);
    trailer.writeBoolean(true);
    trailer.writeString("task:abc");
    trailer.writeInt(1);
    trailer.writeString("{\"type\":\"HistoryEvent\"}");
    trailer.writeInt(5);
    trailer.writeByte(0);
    trailer.writeString("{\"type\":\"TaskRequest\"}");
    trailer.writeByte(1);
    trailer.writeString("t7");
    trailer.writeLong(123_456L);
    trailer.writeByte(2);
    trailer.writeString("t6");
    trailer.writeByte(3);
    trailer.writeLong(9);
    trailer.writeByte(4);
    trailer.writeString("{\"type\":\"ExecutionSummary\"}");
    byte[] tail = trailer.toByteArray();
    byte[] formatThree = Arrays.copyOf(current, current.length + tail.length);
    System.arraycopy(tail, 0, formatThree, current.length, tail.length);

    assertThat(ExecutionStateCodec.decode(formatThree)).isEqualTo(withoutRevision(d.state));
    assertThat(ExecutionStateCodec.decode(formatThree).lastApplied()).isEmpty();
  }

  /** The state as formats before 5 stored it: no definition revision, never redriven. */
  private static ExecutionState withoutRevision(ExecutionState state) {
    ExecutionState.Header h = state.header();
    return new ExecutionState(new ExecutionState.Header(h.executionArn(), h.stateMachineArn(), h.name(), h.status(),
        h.startMillis(), h.stopMillis(), h.input(), h.output(), h.error(), h.cause(), h.nextEventId(), h.redriveCount(),
        h.sequence(), h.continueSequence(), h.nextFrameId(), h.lastEventId(), h.executionTimerId(),
        h.stateMachineAliasArn()), state.frames(), state.timers());
  }
}
