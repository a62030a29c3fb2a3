package dev.stepstream.engine;

import static dev.stepstream.engine.DistributedMapTest.READER;
import static dev.stepstream.engine.DistributedMapTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.MapRunCounts;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.UpdateMapRun;
import org.junit.jupiter.api.Test;

/** UpdateMapRun applied to a running Distributed Map: concurrency at once, tolerance against the failures so far. */
class MapRunUpdatesTest {
  private static final String WORK = """
      {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Work","End":true}""";

  private static TestDriver runningWithOneChild(String extra) {
    TestDriver d = new TestDriver(map(READER + ",\"MaxConcurrency\":1" + extra, WORK)).start("{\"bucket\":\"in\"}");
    d.succeedTask("{\"Items\":[1,2,3,4],\"NextCursor\":{\"Offset\":8}}");
    return d;
  }

  private static String mapRunArn(TestDriver d) {
    return d.state.frames().get(Frame.ROOT).mapRun().mapRunArn();
  }

  @Test
  void shouldStartMoreChildrenAtOnceWhenMaxConcurrencyGrows() {
    TestDriver d = runningWithOneChild("");
    assertThat(d.tasks).hasSize(2);

    d.apply(new UpdateMapRun(1, TestDriver.EXEC_ARN, mapRunArn(d), 3, null, null, d.now));

    assertThat(d.tasks).hasSize(4);
    assertThat(d.state.frames().get(Frame.ROOT).mapRun().maxConcurrency()).isEqualTo(3);
    assertThat(MapRunCounts.find(d.state, mapRunArn(d)).orElseThrow().at("/limits/maxConcurrency").asInt()).isEqualTo(3);
  }

  @Test
  void shouldFailTheMapRunWhenTheToleratedCountDropsBelowTheFailuresSoFar() {
    TestDriver d = runningWithOneChild(",\"ToleratedFailureCount\":5");
    d.failTask("Boom", "no");
    assertThat(d.status()).isEqualTo(ExecutionStatus.RUNNING);

    d.apply(new UpdateMapRun(1, TestDriver.EXEC_ARN, mapRunArn(d), null, 0L, null, d.now));

    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.event("MapRunFailed").details().get("error").asText())
        .isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void shouldIgnoreAnUnknownMapRun() {
    TestDriver d = runningWithOneChild("");

    Decision decision = d.apply(new UpdateMapRun(1, TestDriver.EXEC_ARN,
        "arn:aws:states:us-east-1:123456789012:mapRun:Test/Lbl:00000000-0000-0000-0000-000000000000", 5, null, null, d.now));

    assertThat(decision.ignored()).hasValueSatisfying(r -> assertThat(r).contains("no running Map Run"));
    assertThat(d.tasks).hasSize(2);
  }
}
