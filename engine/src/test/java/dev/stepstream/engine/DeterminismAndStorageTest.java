package dev.stepstream.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.WireRecord;
import org.junit.jupiter.api.Test;

class DeterminismAndStorageTest {
  static final String DEF = """
      {"StartAt":"M","States":{
        "M":{"Type":"Map","ItemsPath":"$.items","ItemSelector":{"id.$":"States.UUID()","v.$":"$$.Map.Item.Value"},
          "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task",
            "Resource":"arn:aws:lambda:us-east-1:1:function:Work","HeartbeatSeconds":30,
            "Retry":[{"ErrorEquals":["States.ALL"],"JitterStrategy":"FULL"}],"End":true}}},"Next":"W"},
        "W":{"Type":"Wait","Seconds":5,"End":true}}}""";

  @Test
  void shouldReplayToEqualStatesAndEvents() {
    TestDriver original = new TestDriver(DEF).start("{\"items\":[1,2]}");
    original.now += 1000;
    original.failTask("E", "x");
    original.fireNextTimer();
    original.succeedTask("\"a\"");
    original.apply(new dev.stepstream.wire.TaskSucceeded(1, TestDriver.EXEC_ARN, original.tasks.get(0).taskToken(),
        TestDriver.json("\"b\"")));
    original.fireNextTimer();
    assertThat(original.status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    TestDriver replay = new TestDriver(DEF);
    for (int i = 0; i < original.inputs.size(); i++) {
      WireRecord input = original.inputs.get(i);
      replay.now = original.inputTimes.get(i);
      if (i == 0) {
        replay.random = dev.stepstream.asl.eval.RandomSource.seeded(42);
      }
      replay.apply(input);
    }
    assertThat(replay.history).isEqualTo(original.history);
    assertThat(replay.state).isEqualTo(original.state);
    assertThat(replay.effects).isEqualTo(original.effects);
  }

  @Test
  void shouldRoundTripStateThroughCodecAndKeepRunning() {
    TestDriver d = new TestDriver(DEF).start("{\"items\":[1,2]}");
    ExecutionState decoded = ExecutionStateCodec.decode(ExecutionStateCodec.encode(d.state));
    assertThat(decoded).isEqualTo(d.state);
    d.state = decoded;
    d.succeedTask("\"x\"");
    assertThat(d.state.frames()).isNotEmpty();
  }

  @Test
  void shouldKeepStateOfExecutionWaitingOnOneTaskWithinFourKibibytesPlusPayloads() {
    String payload = "{\"order\":\"" + "p".repeat(1000) + "\"}";
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Work",
          "TimeoutSeconds":300,"HeartbeatSeconds":60,"End":true}}}""").start(payload);
    int payloadBytes = payload.length() * 2; // execution input + the state's input
    assertThat(ExecutionStateCodec.encode(d.state).length - payloadBytes).isLessThanOrEqualTo(4096);
  }
}
