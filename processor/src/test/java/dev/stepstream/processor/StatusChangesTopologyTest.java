package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.RedriveExecution;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusChangesTopologyTest extends TopologyTestCase {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String ONE_TASK = """
      {"StartAt": "Work", "States": {
        "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Work", "End": true}}}
      """;

  private TestOutputTopic<String, byte[]> events;

  @BeforeEach
  void readTheEventsTopic() {
    events = harness.driver.createOutputTopic(harness.topics.events(), Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  @Test
  void shouldWriteRunningThenSucceededWhenAnExecutionFinishesInItsFirstTransition() {
    harness.define("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
    String arn = harness.start("pass-1", JSON.objectNode().put("n", 1));

    List<KeyValue<String, JsonNode>> written = events();

    assertThat(written).extracting(kv -> kv.key).containsOnly(arn);
    assertThat(statuses(written)).containsExactly("RUNNING", "SUCCEEDED");
    assertThat(written.get(0).value.path("detail").get("output").isNull()).isTrue();
    assertThat(written.get(1).value.path("detail").path("output").asText()).isEqualTo("{\"n\":1}");
  }

  @Test
  void shouldWriteOneEventPerStatusAcrossFailureAndRedrive() {
    harness.define(ONE_TASK);
    String arn = harness.start("task-1", JSON.objectNode());
    TaskRequest first = harness.taskRequests("Work").get(0);
    harness.send(new TaskFailed(1, arn, first.taskToken(), "Boom", "it broke"));
    harness.send(new RedriveExecution(1, arn, 0L));
    TaskRequest second = harness.taskRequests("Work").get(0);
    harness.send(new TaskSucceeded(1, arn, second.taskToken(), JSON.objectNode().put("ok", true)));

    List<KeyValue<String, JsonNode>> written = events();

    assertThat(statuses(written)).containsExactly("RUNNING", "FAILED", "RUNNING", "SUCCEEDED");
    assertThat(written.get(1).value.path("detail").path("error").asText()).isEqualTo("Boom");
    // A Lambda function's failure is recorded as AWS's error document (errorMessage, errorType, ...).
    assertThat(written.get(1).value.path("detail").path("cause").asText())
        .startsWith("{\"errorMessage\":\"it broke\",\"errorType\":\"Boom\"");
    assertThat(written.get(2).value.path("detail").path("redriveCount").asInt()).isEqualTo(1);
    assertThat(written).extracting(kv -> kv.value.path("id").asText()).doesNotHaveDuplicates();
  }

  @Test
  void shouldWriteNoEventForATransitionThatKeepsTheStatus() {
    harness.define("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Work", "Next": "B"},
          "B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Work", "End": true}}}
        """);
    String arn = harness.start("two-tasks", JSON.objectNode());
    harness.send(new TaskSucceeded(1, arn, harness.taskRequests("Work").get(0).taskToken(), JSON.objectNode()));
    harness.send(new StopExecution(1, arn, "User.Stop", "enough", 0L));
    harness.send(new StopExecution(1, arn, "User.Stop", "again", 0L));

    assertThat(statuses(events())).containsExactly("RUNNING", "ABORTED");
  }

  @Test
  void shouldWriteTimedOutOnceWhenTheExecutionTimeoutFires() {
    harness.define("""
        {"TimeoutSeconds": 5, "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}
        """);
    String arn = harness.start("slow-1", JSON.objectNode());
    harness.advance(java.time.Duration.ofSeconds(6));
    harness.advance(java.time.Duration.ofSeconds(120));

    List<KeyValue<String, JsonNode>> written = events();

    assertThat(written).extracting(kv -> kv.key).containsOnly(arn);
    assertThat(statuses(written)).containsExactly("RUNNING", "TIMED_OUT");
    assertThat(written.get(1).value.path("detail").path("error").asText()).isEqualTo("States.Timeout");
  }

  private List<KeyValue<String, JsonNode>> events() {
    return events.readKeyValuesToList().stream().map(kv -> KeyValue.pair(kv.key, parse(kv.value))).toList();
  }

  private static List<String> statuses(List<KeyValue<String, JsonNode>> events) {
    return events.stream().map(kv -> kv.value.path("detail").path("status").asText()).toList();
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return WireJson.mapper().readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
