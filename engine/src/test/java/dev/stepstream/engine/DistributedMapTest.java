package dev.stepstream.engine;

import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.stepstream.engine.MapRunPagesTest.text;

import dev.stepstream.engine.task.MapRunTasks;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskRequest;
import org.junit.jupiter.api.Test;

/** Distributed Map: the Map Run's events and ARN, the ItemReader and ResultWriter tasks, tolerance. */
class DistributedMapTest {
  static final String READER = """
      ,"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL","MaxItems":10},
        "Parameters":{"Bucket.$":"$.bucket","Key":"items.jsonl"}}""";
  static final String WRITER = """
      ,"ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}}""";

  static String map(String extra, String processor) {
    return """
        {"StartAt":"M","States":{"M":{"Type":"Map","Label":"Lbl"%s,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":%s}},"End":true}}}""".formatted(extra, processor);
  }

  static final String DOUBLE = "{\"Type\":\"Pass\",\"Parameters\":{\"v.$\":\"$.n\"},\"End\":true}";
  static final String FAIL_ON_2 = """
      {"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":2,"Next":"F"}],"Default":"OK"},
      "F":{"Type":"Fail","Error":"Bad","Cause":"two"},"OK":{"Type":"Pass","End":true}""";

  @Test
  void shouldReadItemsThroughTheItemReaderTaskAndRecordOnlyTheMapRunEvents() {
    TestDriver d = new TestDriver(map(READER, DOUBLE)).start("{\"bucket\":\"in\"}");
    TaskRequest read = d.lastTask();
    assertThat(read.taskName()).isEqualTo(MapRunTasks.ITEM_READER);
    assertThat(read.resource()).isEqualTo("arn:aws:states:::s3:getObject");
    assertThat(read.input().at("/ItemReader/Parameters")).isEqualTo(json("{\"Bucket\":\"in\",\"Key\":\"items.jsonl\"}"));
    String mapRunArn = read.input().get("MapRunArn").asText();
    assertThat(mapRunArn).matches("arn:aws:states:us-east-1:123456789012:mapRun:Test/Lbl:[0-9a-f-]{36}");

    d.succeedTask("{\"Items\":[{\"n\":1},{\"n\":2}]}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("[{\"v\":1},{\"v\":2}]"));
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "MapStateEntered", "MapStateStarted",
        "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
    assertThat(d.event("MapStateStarted").details().get("length").asInt()).isZero();
    assertThat(d.event("MapRunStarted").details().get("mapRunArn").asText()).isEqualTo(mapRunArn);
    HistoryEvent runSucceeded = d.event("MapRunSucceeded");
    assertThat(d.event("MapStateSucceeded").previousEventId()).isEqualTo(runSucceeded.id());
    assertThat(d.event("MapStateExited").previousEventId()).isEqualTo(runSucceeded.id());
  }

  @Test
  void shouldFailTheMapRunWithTheReadersError() {
    TestDriver d = new TestDriver(map(READER, DOUBLE)).start("{\"bucket\":\"in\"}");
    d.failTask("States.ItemReaderFailed", "CSV headers cannot contain duplicates.");

    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "MapStateEntered", "MapStateStarted",
        "MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed");
    assertThat(d.event("MapRunFailed").details()).isEqualTo(
        json("{\"error\":\"States.ItemReaderFailed\",\"cause\":\"CSV headers cannot contain duplicates.\"}"));
    assertThat(d.event("ExecutionFailed").details().get("error").asText()).isEqualTo("States.ItemReaderFailed");
  }

  @Test
  void shouldWriteResultsAndReturnTheResultWriterDetails() {
    TestDriver d = new TestDriver(map(",\"ToleratedFailureCount\":1" + WRITER, FAIL_ON_2))
        .start("[{\"n\":1},{\"n\":2},{\"n\":3}]");
    TaskRequest write = d.lastTask();
    assertThat(write.taskName()).isEqualTo(MapRunTasks.RESULT_WRITER);
    assertThat(write.input().get("Results")).isEqualTo(json("""
        [{"Index":0,"Status":"SUCCEEDED","Output":{"n":1}},
         {"Index":1,"Status":"FAILED","Error":"Bad","Cause":"two"},
         {"Index":2,"Status":"SUCCEEDED","Output":{"n":3}}]"""));
    assertThat(write.input().get("Part").asInt()).isZero();
    d.succeedTask("{\"PartWritten\":{\"Part\":0,\"Results\":3}}");
    assertThat(d.lastTask().input().get("Manifest").toString()).isEqualTo(text("{\"Parts\":1,\"ResultsWritten\":3}"));
    d.succeedTask("{\"ResultWriterDetails\":{\"Bucket\":\"out\",\"Key\":\"runs/x/manifest.json\"}}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output().get("MapRunArn").asText()).isEqualTo(write.input().get("MapRunArn").asText());
    assertThat(d.output().get("ResultWriterDetails")).isEqualTo(json("{\"Bucket\":\"out\",\"Key\":\"runs/x/manifest.json\"}"));
    assertThat(d.eventTypes()).doesNotContain("MapIterationStarted", "PassStateEntered", "ChoiceStateEntered");
  }

  @Test
  void shouldFailWithExceedToleratedFailureThresholdPastTheCount() {
    TestDriver d = new TestDriver(map(",\"ToleratedFailureCount\":0", FAIL_ON_2))
        .start("[{\"n\":1},{\"n\":2},{\"n\":3}]");

    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.event("MapRunFailed").details().get("error").asText())
        .isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(d.event("ExecutionFailed").details().get("error").asText())
        .isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(d.eventTypes()).endsWith("MapRunFailed", "MapStateFailed", "ExecutionFailed");
  }

  @Test
  void shouldTolerateFailuresWithinThePercentage() {
    TestDriver d = new TestDriver(map(",\"ToleratedFailurePercentage\":50", FAIL_ON_2))
        .start("[{\"n\":1},{\"n\":2},{\"n\":3}]");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("[{\"n\":1},{\"Error\":\"Bad\",\"Cause\":\"two\"},{\"n\":3}]"));
  }

  @Test
  void shouldBatchByMaxInputBytesPerBatch() {
    TestDriver d = new TestDriver(map(",\"ItemBatcher\":{\"MaxInputBytesPerBatch\":30}",
        "{\"Type\":\"Pass\",\"End\":true}")).start("[\"aaaa\",\"bbbb\",\"cccc\",\"dddd\"]");

    // {"Items":["aaaa","bbbb"]} is 25 bytes; a third item would make it 32.
    assertThat(d.output()).isEqualTo(json("[{\"Items\":[\"aaaa\",\"bbbb\"]},{\"Items\":[\"cccc\",\"dddd\"]}]"));
  }

  @Test
  void shouldGiveEachMapRunItsOwnStableArn() {
    TestDriver a = new TestDriver(map(READER, DOUBLE)).start("{\"bucket\":\"in\"}");
    TestDriver b = new TestDriver(map(READER, DOUBLE)).start("{\"bucket\":\"in\"}");
    assertThat(a.lastTask().input().get("MapRunArn")).isEqualTo(b.lastTask().input().get("MapRunArn"));
  }
}
