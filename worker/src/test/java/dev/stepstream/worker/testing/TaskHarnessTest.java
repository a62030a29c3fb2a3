package dev.stepstream.worker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.TaskFailure;
import dev.stepstream.worker.TaskHandler;
import dev.stepstream.worker.TaskWorker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskHarnessTest {
  private final TaskHarness harness = TaskHarness.forTask("Dobrar");

  @Test
  void shouldReturnTheHandlersJsonOutput() {
    TaskHandler doubler = (input, ctx) -> {
      ObjectNode out = WireJson.mapper().createObjectNode();
      return out.put("y", input.get("x").asInt() * 2);
    };

    TaskRun run = harness.runJson(doubler, "{\"x\": 21}");

    assertThat(run.succeeded()).isTrue();
    assertThat(run.output().get("y").asInt()).isEqualTo(42);
  }

  @Test
  void shouldCarryCtxLogLinesWithTheResultBoundedToTheLastHundred() {
    TaskRun run = harness.run((input, ctx) -> {
      ctx.log("starting\nstill starting");
      for (int i = 0; i < 150; i++) {
        ctx.log("step " + i);
      }
      return Map.of();
    }, Map.of());
    TaskRun failed = harness.run((input, ctx) -> {
      ctx.log("about to fail");
      throw new TaskFailure("Image.TooLarge", "12 MiB");
    }, Map.of());

    assertThat(run.workerOutput()).hasSize(100).startsWith("step 50").endsWith("step 149");
    assertThat(failed.workerOutput()).containsExactly("about to fail");
    assertThat(harness.run((input, ctx) -> null, Map.of()).workerOutput()).isEmpty();
  }

  @Test
  void shouldSerialiseAPlainJavaValueAsTheOutput() {
    record Size(int width, int height) {}

    TaskRun run = harness.run((input, ctx) -> List.of(new Size(3, 4)), Map.of());

    assertThat(run.output().toString()).isEqualTo("[{\"width\":3,\"height\":4}]");
  }

  @Test
  void shouldTurnANullReturnIntoJsonNull() {
    assertThat(harness.run((input, ctx) -> null, Map.of()).output().isNull()).isTrue();
  }

  @Test
  void shouldFailWithTheChosenErrorWhenTheHandlerThrowsTaskFailure() {
    TaskRun run = harness.run((input, ctx) -> {
      throw new TaskFailure("Image.TooLarge", "12 MiB");
    }, Map.of());

    assertThat(run.failed()).isTrue();
    assertThat(run.error()).isEqualTo("Image.TooLarge");
    assertThat(run.cause()).isEqualTo("12 MiB");
  }

  @Test
  void shouldFailWithTheExceptionClassNameForAnUnexpectedException() {
    TaskRun run = harness.run((input, ctx) -> {
      throw new IllegalArgumentException("bad input");
    }, Map.of());

    assertThat(run.error()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(run.cause()).isEqualTo("bad input");
  }

  @Test
  void shouldFailWhenTheOutputCannotBeSerialised() {
    TaskRun run = harness.run((input, ctx) -> new Object(), Map.of());

    assertThat(run.error()).isEqualTo("java.lang.IllegalArgumentException");
  }

  @Test
  void shouldCaptureHeartbeatsInOrderWithTheTaskToken() {
    TaskRun run = harness.withToken("tok-1").run((input, ctx) -> {
      ctx.heartbeat();
      ctx.heartbeat();
      return "done";
    }, Map.of());

    assertThat(run.heartbeatCount()).isEqualTo(2);
    assertThat(run.heartbeats()).allSatisfy(h -> assertThat(h.taskToken()).isEqualTo("tok-1"));
  }

  @Test
  void shouldLeaveTheTaskOpenWhenTheHandlerReturnsNoResult() {
    TaskRun run = harness.run((input, ctx) -> TaskWorker.NO_RESULT, Map.of());

    assertThat(run.deferred()).isTrue();
  }

  @Test
  void shouldIgnoreTheReturnedValueAfterDoNotComplete() {
    TaskRun run = harness.run((input, ctx) -> {
      ctx.doNotComplete();
      return "ignored";
    }, Map.of());

    assertThat(run.deferred()).isTrue();
  }

  @Test
  void shouldExposeTheRequestToTheHandler() {
    TaskRun run = harness.withAttempt(3).withStateName("Passo").withExecutionArn("arn:aws:states:r:1:execution:sm:e1")
        .run((input, ctx) -> Map.of(
            "attempt", ctx.attempt(), "state", ctx.stateName(), "arn", ctx.executionArn(),
            "token", ctx.token(), "retryCount", ctx.context().at("/State/RetryCount").asInt()), Map.of());

    assertThat(run.output().toString()).contains(
        "\"attempt\":3", "\"state\":\"Passo\"", "\"arn\":\"arn:aws:states:r:1:execution:sm:e1\"",
        "\"token\":\"harness-token-Dobrar\"", "\"retryCount\":2");
  }

  @Test
  void shouldSayWhatHappenedWhenAskedForTheWrongOutcome() {
    TaskRun run = harness.run((input, ctx) -> {
      throw new TaskFailure("E", "c");
    }, Map.of());

    assertThatThrownBy(run::output).isInstanceOf(IllegalStateException.class).hasMessageContaining("failed with E: c");
  }
}
