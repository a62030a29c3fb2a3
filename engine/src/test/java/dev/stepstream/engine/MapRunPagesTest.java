package dev.stepstream.engine;

import static dev.stepstream.engine.DistributedMapTest.DOUBLE;
import static dev.stepstream.engine.DistributedMapTest.FAIL_ON_2;
import static dev.stepstream.engine.DistributedMapTest.READER;
import static dev.stepstream.engine.DistributedMapTest.WRITER;
import static dev.stepstream.engine.DistributedMapTest.map;
import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.MapRunCounts;
import dev.stepstream.engine.runtime.MapRunProgress;
import dev.stepstream.engine.task.MapRunTasks;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import org.junit.jupiter.api.Test;

/** A Distributed Map page by page: cursors, counters, parts, tolerance across pages, bounded state. */
class MapRunPagesTest {
  private static final String WORK = """
      {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Work","End":true}""";

  /** The JSON text of {@code json} as the wire carries it (numbers compared by value, not by node type). */
  static String text(String json) {
    return json(json).toString();
  }

  @Test
  void shouldReadPageByPageAndKeepOnlyTheCountersBetweenPages() {
    TestDriver d = new TestDriver(map(READER, DOUBLE)).start("{\"bucket\":\"in\"}");
    TaskRequest first = d.lastTask();
    assertThat(first.input().get("Page").toString()).isEqualTo(text("{\"Cursor\":null,\"MaxItems\":1000,\"MaxBytes\":262144,\"Read\":0}"));

    d.succeedTask("{\"Items\":[{\"n\":1},{\"n\":2}],\"NextCursor\":{\"Offset\":14}}");

    TaskRequest second = d.lastTask();
    assertThat(second.taskName()).isEqualTo(MapRunTasks.ITEM_READER);
    assertThat(second.input().get("Page").toString()).isEqualTo(text("{\"Cursor\":{\"Offset\":14},\"MaxItems\":1000,\"MaxBytes\":262144,\"Read\":2}"));
    Frame map = d.state.frames().get(Frame.ROOT);
    assertThat(map.children()).as("the finished page is dropped").isNull();
    assertThat(d.state.frames()).hasSize(1);
    MapRunProgress progress = map.mapRun();
    assertThat(progress.total()).isEqualTo(2);
    assertThat(progress.succeeded()).isEqualTo(2);
    assertThat(progress.exhausted()).isFalse();

    d.succeedTask("{\"Items\":[{\"n\":3}],\"NextCursor\":null}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("[{\"v\":1},{\"v\":2},{\"v\":3}]"));
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "MapStateEntered", "MapStateStarted",
        "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
  }

  @Test
  void shouldGiveItemSelectorTheIndexAcrossPages() {
    String selector = ",\"ItemSelector\":{\"i.$\":\"$$.Map.Item.Index\"}";
    TestDriver d = new TestDriver(map(READER + selector, "{\"Type\":\"Pass\",\"End\":true}")).start("{\"bucket\":\"in\"}");
    d.succeedTask("{\"Items\":[\"a\",\"b\"],\"NextCursor\":{\"Offset\":8}}");
    d.succeedTask("{\"Items\":[\"c\"]}");

    assertThat(d.output()).isEqualTo(json("[{\"i\":0},{\"i\":1},{\"i\":2}]"));
  }

  @Test
  void shouldWriteOnePartPerPageThenTheManifest() {
    TestDriver d = new TestDriver(map(READER + WRITER, DOUBLE)).start("{\"bucket\":\"in\"}");
    d.succeedTask("{\"Items\":[{\"n\":1},{\"n\":2}],\"NextCursor\":{\"Offset\":14}}");
    TaskRequest part0 = d.lastTask();
    assertThat(part0.taskName()).isEqualTo(MapRunTasks.RESULT_WRITER);
    assertThat(part0.input().get("Part").asInt()).isZero();
    assertThat(part0.input().get("Results")).isEqualTo(json("""
        [{"Index":0,"Status":"SUCCEEDED","Output":{"v":1}},{"Index":1,"Status":"SUCCEEDED","Output":{"v":2}}]"""));
    d.succeedTask("{\"PartWritten\":{\"Part\":0,\"Results\":2}}");
    d.succeedTask("{\"Items\":[{\"n\":3}]}");
    TaskRequest part1 = d.lastTask();
    assertThat(part1.input().get("Part").asInt()).isEqualTo(1);
    assertThat(part1.input().at("/Results/0/Index").asInt()).isEqualTo(2);
    d.succeedTask("{\"PartWritten\":{\"Part\":1,\"Results\":1}}");

    assertThat(d.lastTask().input().get("Manifest").toString()).isEqualTo(text("{\"Parts\":2,\"ResultsWritten\":3}"));
    d.succeedTask("{\"ResultWriterDetails\":{\"Bucket\":\"out\",\"Key\":\"runs/x/manifest.json\"}}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output().get("ResultWriterDetails").get("Key").asText()).isEqualTo("runs/x/manifest.json");
  }

  @Test
  void shouldCountToleratedFailuresAcrossPages() {
    TestDriver d = new TestDriver(map(READER + ",\"ToleratedFailureCount\":1", FAIL_ON_2)).start("{\"bucket\":\"in\"}");
    d.succeedTask("{\"Items\":[{\"n\":1},{\"n\":2}],\"NextCursor\":{\"Offset\":14}}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.RUNNING);

    d.succeedTask("{\"Items\":[{\"n\":2}],\"NextCursor\":{\"Offset\":21}}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.event("MapRunFailed").details()).isEqualTo(json("""
        {"error":"States.ExceedToleratedFailureThreshold","cause":"The specified tolerated failure threshold was exceeded"}"""));
  }

  @Test
  void shouldJudgeThePercentageAgainstTheFinalTotal() {
    String tolerance = ",\"ToleratedFailurePercentage\":40";
    TestDriver within = new TestDriver(map(READER + tolerance, FAIL_ON_2)).start("{\"bucket\":\"in\"}");
    // 1 of 1 failed so far: not decided while more items may come.
    within.succeedTask("{\"Items\":[{\"n\":2}],\"NextCursor\":{\"Offset\":7}}");
    within.succeedTask("{\"Items\":[{\"n\":1},{\"n\":3},{\"n\":4}]}");
    assertThat(within.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(within.output().get(0)).isEqualTo(json("{\"Error\":\"Bad\",\"Cause\":\"two\"}"));

    TestDriver over = new TestDriver(map(READER + tolerance, FAIL_ON_2)).start("{\"bucket\":\"in\"}");
    over.succeedTask("{\"Items\":[{\"n\":2}],\"NextCursor\":{\"Offset\":7}}");
    over.succeedTask("{\"Items\":[{\"n\":1}]}");
    assertThat(over.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(over.event("MapRunFailed").details().get("error").asText())
        .isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void shouldFailWithDataLimitExceededWhenResultsWithoutWriterPassTheLimit() {
    String big = "\"" + "x".repeat(100_000) + "\"";
    TestDriver d = new TestDriver(map(READER, "{\"Type\":\"Pass\",\"End\":true}")).start("{\"bucket\":\"in\"}");
    d.succeedTask("{\"Items\":[" + big + "," + big + "],\"NextCursor\":{\"Offset\":1}}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.RUNNING);

    d.succeedTask("{\"Items\":[" + big + "]}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.event("MapRunFailed").details()).isEqualTo(json("""
        {"error":"States.DataLimitExceeded",
         "cause":"The state/task 'M' returned a result with a size exceeding the maximum number of bytes service limit."}"""));
  }

  @Test
  void shouldKeepAtMostMaxConcurrencyChildrenRunningWithinAPage() {
    TestDriver d = new TestDriver(map(READER + ",\"MaxConcurrency\":2", WORK)).start("{\"bucket\":\"in\"}");
    d.succeedTask("{\"Items\":[1,2,3]}");
    assertThat(d.tasks).hasSize(3); // the reader, then two items
    assertThat(d.state.frames()).hasSize(3);

    d.succeedTask("{\"done\":2}");

    assertThat(d.tasks).hasSize(4);
    assertThat(d.state.frames().get(Frame.ROOT).mapRun().succeeded()).isEqualTo(1);
  }

  @Test
  void shouldReportLiveCountsWhileRunningAndKeepTheFinalOnes() {
    TestDriver d = new TestDriver(map(READER + ",\"MaxConcurrency\":2,\"ToleratedFailureCount\":5", WORK))
        .start("{\"bucket\":\"in\"}");
    String arn = d.lastTask().input().get("MapRunArn").asText();
    d.succeedTask("{\"Items\":[1,2,3],\"NextCursor\":{\"Offset\":6}}");
    d.failTask("Boom", "no");

    assertThat(MapRunCounts.find(d.state, arn).orElseThrow().get("executionCounts").toString()).isEqualTo(text("""
        {"pending":0,"running":2,"succeeded":0,"failed":1,"timedOut":0,"aborted":0,"total":3,
         "resultsWritten":0,"failuresNotRedrivable":0,"pendingRedrive":0}"""));

    d.apply(new TaskSucceeded(1, TestDriver.EXEC_ARN, d.tasks.get(1).taskToken(), json("1")));
    d.succeedTask("3");
    d.succeedTask("{\"Items\":[4]}");
    d.succeedTask("4");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode counts = MapRunCounts.find(d.state, arn).orElseThrow();
    assertThat(counts.at("/executionCounts/succeeded").asInt()).isEqualTo(3);
    assertThat(counts.at("/executionCounts/failed").asInt()).isEqualTo(1);
    assertThat(counts.at("/executionCounts/total").asInt()).isEqualTo(4);
    assertThat(counts.at("/itemCounts/total").asInt()).isEqualTo(4);
    assertThat(counts.at("/executionCounts/running").asInt()).isZero();
  }

  @Test
  void shouldCountRunningChildrenAsAbortedWhenTheMapRunFails() {
    TestDriver d = new TestDriver(map(READER + ",\"MaxConcurrency\":2", WORK)).start("{\"bucket\":\"in\"}");
    String arn = d.lastTask().input().get("MapRunArn").asText();
    d.succeedTask("{\"Items\":[1,2,3]}");

    d.failTask("Boom", "no");

    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    JsonNode counts = MapRunCounts.find(d.state, arn).orElseThrow().get("executionCounts");
    assertThat(counts.get("aborted").asInt()).isEqualTo(1);
    assertThat(counts.get("pending").asInt()).isEqualTo(1);
    assertThat(counts.get("failed").asInt()).isEqualTo(1);
  }
}
