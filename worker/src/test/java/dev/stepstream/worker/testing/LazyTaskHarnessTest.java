package dev.stepstream.worker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.LazyTaskHandler;
import dev.stepstream.worker.RawJson;
import dev.stepstream.worker.TaskFailure;
import dev.stepstream.worker.TaskWorker;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LazyTaskHarnessTest {
  private final TaskHarness harness = TaskHarness.forTask("Echo").withTimeoutSeconds(30L);

  @Test
  void shouldAnswerWithTheInputWhenALazyHandlerReturnsIt() {
    TaskRun run = harness.runLazyJson((input, ctx) -> input, "{\"order\": 42, \"items\": [1, 2]}");

    assertThat(run.succeeded()).isTrue();
    assertThat(run.output()).isEqualTo(WireJson.mapper().createObjectNode().put("order", 42)
        .set("items", WireJson.mapper().createArrayNode().add(1).add(2)));
  }

  @Test
  void shouldGiveALazyHandlerTheContextAndTheWholeRequestWhenAsked() {
    TaskRun run = harness.runLazy((input, ctx) -> Map.of("execution", ctx.context().path("Execution").path("Id").asText(),
        "timeout", ctx.timeoutSeconds(), "order", input.as(Map.class).get("order"),
        "sameInput", ctx.request().input().equals(input.tree())), Map.of("order", 7));

    assertThat(run.output().get("execution").asText()).endsWith(":execution:Harness:test-execution");
    assertThat(run.output().get("timeout").asLong()).isEqualTo(30);
    assertThat(run.output().get("order").asInt()).isEqualTo(7);
    assertThat(run.output().get("sameInput").asBoolean()).isTrue();
  }

  @Test
  void shouldMapFailuresDeferralHeartbeatsAndLogsAsForTreeHandlers() {
    LazyTaskHandler failing = (input, ctx) -> {
      ctx.log("checking");
      throw new TaskFailure("Order.Invalid", "no items");
    };
    TaskRun failed = harness.runLazy(failing, Map.of());
    TaskRun deferred = harness.runLazy((input, ctx) -> {
      ctx.heartbeat();
      return ctx.doNotComplete();
    }, Map.of());

    assertThat(failed.error()).isEqualTo("Order.Invalid");
    assertThat(failed.cause()).isEqualTo("no items");
    assertThat(failed.workerOutput()).containsExactly("checking");
    assertThat(deferred.deferred()).isTrue();
    assertThat(deferred.heartbeatCount()).isEqualTo(1);
    assertThat(harness.runLazy((input, ctx) -> TaskWorker.NO_RESULT, Map.of()).deferred()).isTrue();
  }

  @Test
  void shouldAcceptRawJsonOutputBuiltByTheHandler() {
    TaskRun run = harness.runLazy((input, ctx) -> RawJson.of("{\"done\":true}"), Map.of());

    assertThat(run.output().get("done").asBoolean()).isTrue();
  }
}
