package dev.stepstream.engine;

import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelMapTest {
  static final String LAMBDA = "arn:aws:lambda:us-east-1:1:function:Work";

  @Test
  void shouldCollectParallelBranchOutputsInBranchOrder() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"%s","End":true}}},
          {"StartAt":"B","States":{"B":{"Type":"Pass","Result":"b","End":true}}}]}}}""".formatted(LAMBDA))
        .start("{\"v\":1}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.RUNNING);
    d.succeedTask("\"a\"");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("[\"a\",\"b\"]"));
    assertThat(d.eventTypes()).startsWith("ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted")
        .endsWith("ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded");
    long startedId = d.event("ParallelStateStarted").id();
    assertThat(d.event("PassStateEntered").previousEventId()).isEqualTo(startedId);
  }

  @Test
  void shouldFailParallelWithFirstBranchErrorAndIgnoreSiblingResults() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"Done",
          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"Branches":[
          {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"%s","TimeoutSeconds":60,"End":true}}},
          {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"Next":"F"},"F":{"Type":"Fail","Error":"E"}}},
          {"StartAt":"F2","States":{"F2":{"Type":"Fail","Error":"BranchBoom","Cause":"c"}}}]},
          "Done":{"Type":"Succeed"},"Caught":{"Type":"Pass","End":true}}}""".formatted(LAMBDA)).start("{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("{\"Error\":\"BranchBoom\",\"Cause\":\"c\"}"));
    assertThat(d.timers).isEmpty();
    assertThat(d.eventTypes()).contains("ParallelStateFailed");
    TaskRequest orphan = d.lastTask();
    assertThat(d.apply(new TaskSucceeded(1, TestDriver.EXEC_ARN, orphan.taskToken(), json("{}"))).applied()).isFalse();
  }

  @Test
  void shouldMapItemsWithItemSelectorContextAndKeepItemOrder() {
    TestDriver d = new TestDriver("""
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,
          "ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value","k.$":"$.k"},
          "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}},
          "End":true}}}""".formatted(LAMBDA)).start("{\"k\":\"K\",\"items\":[10,20,30]}");
    assertThat(d.tasks).hasSize(2);
    assertThat(d.tasks.get(0).input()).isEqualTo(json("{\"i\":0,\"v\":10,\"k\":\"K\"}"));
    // Finish the second first; the third starts only when a slot frees.
    d.apply(new TaskSucceeded(1, TestDriver.EXEC_ARN, d.tasks.get(1).taskToken(), json("\"r1\"")));
    assertThat(d.tasks).hasSize(3);
    d.apply(new TaskSucceeded(1, TestDriver.EXEC_ARN, d.tasks.get(2).taskToken(), json("\"r2\"")));
    d.apply(new TaskSucceeded(1, TestDriver.EXEC_ARN, d.tasks.get(0).taskToken(), json("\"r0\"")));
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("[\"r0\",\"r1\",\"r2\"]"));
    assertThat(d.event("MapStateStarted").details()).isEqualTo(json("{\"length\":3}"));
    assertThat(d.event("MapIterationStarted").details()).isEqualTo(json("{\"name\":\"M\",\"index\":0}"));
    assertThat(d.eventTypes()).endsWith("MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
  }

  @Test
  void shouldSucceedEmptyMapWithEmptyArray() {
    TestDriver d = new TestDriver("""
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
          "End":true}}}""").start("[]");
    assertThat(d.output()).isEqualTo(json("[]"));
  }

  @Test
  void shouldFailMapWithIterationErrorAndAbortOthers() {
    TestDriver d = new TestDriver("""
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"Bad"}],"Default":"W"},
          "W":{"Type":"Wait","Seconds":10,"End":true},
          "Bad":{"Type":"Fail","Error":"ItemError","Cause":"two"}}},"End":true}}}""").start("[1,2,3]");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains("ItemError");
    assertThat(d.eventTypes()).contains("MapIterationFailed", "MapIterationAborted", "MapStateFailed");
    assertThat(d.timers).isEmpty();
  }

  @Test
  void shouldTolerateFailuresUpToCountThenExceedThreshold() {
    String def = """
        {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericGreaterThan":1,"Next":"Bad"}],"Default":"Ok"},
          "Ok":{"Type":"Pass","End":true},
          "Bad":{"Type":"Fail","Error":"ItemError"}}},"End":true}}}""";
    TestDriver tolerated = new TestDriver(def).start("[1,2]");
    assertThat(tolerated.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    TestDriver exceeded = new TestDriver(def).start("[1,2,3]");
    assertThat(exceeded.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(exceeded.state.error()).contains("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void shouldBatchItemsWithItemBatcher() {
    TestDriver d = new TestDriver("""
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"b":1}},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
          "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""").start("[1,2,3]");
    assertThat(d.output()).isEqualTo(json("[{\"BatchInput\":{\"b\":1},\"Items\":[1,2]},{\"BatchInput\":{\"b\":1},\"Items\":[3]}]"));
  }

  @Test
  void shouldRunTwoHundredNestedParallelsWithoutStackOverflow() {
    String inner = "{\"StartAt\":\"L\",\"States\":{\"L\":{\"Type\":\"Pass\",\"Result\":1,\"End\":true}}}";
    for (int i = 0; i < 200; i++) {
      inner = "{\"StartAt\":\"P" + i + "\",\"States\":{\"P" + i + "\":{\"Type\":\"Parallel\",\"End\":true,\"Branches\":["
          + inner + "]}}}";
    }
    TestDriver d = new TestDriver(inner, new EngineOptions(100_000, 25_000, 262_144)).start("{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String expected = "1";
    for (int i = 0; i < 200; i++) {
      expected = "[" + expected + "]";
    }
    assertThat(d.output()).isEqualTo(json(expected));
    assertThat(List.copyOf(d.state.frames().values())).isEmpty();
  }
}
