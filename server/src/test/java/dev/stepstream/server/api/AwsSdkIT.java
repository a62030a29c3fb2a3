package dev.stepstream.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskTokens;
import dev.stepstream.wire.WireJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/** The AWS SDK for Java v2, pointed at Stepstream with only an endpoint change: the happy paths. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsSdkIT {
  static final String ROLE = "arn:aws:iam::123456789012:role/stepstream";
  private ApiFixture fixture;
  private SfnClient sfn;

  @BeforeAll
  void start(KafkaCluster kafka) throws Exception {
    fixture = new ApiFixture(kafka, Duration.ofSeconds(5));
    sfn = fixture.sfn;
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  static String unique(String base) {
    return base + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  String create(String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
  }

  DescribeExecutionResponse awaitDone(String executionArn) {
    return Eventually.await(Duration.ofSeconds(30), () -> {
      DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
      assertThat(d.status()).as("status of %s", executionArn).isNotEqualTo(ExecutionStatus.RUNNING);
      return d;
    });
  }

  @Test
  void shouldRunAPassWaitTaskMachineAnsweredBySendTaskSuccess() throws Exception {
    String function = unique("Echo");
    String machine = create(unique("pipeline"), """
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Parameters": {"image.$": "$.image", "size": 3}, "Next": "Pause"},
          "Pause": {"Type": "Wait", "Seconds": 1, "Next": "Resize"},
          "Resize": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:%s", "End": true}}}
        """.formatted(function));

    StartExecutionResponse started = sfn.startExecution(b -> b.stateMachineArn(machine).name("run-1")
        .input("{\"image\": \"cat.png\"}"));
    assertThat(started.executionArn()).isEqualTo(machine.replace(":stateMachine:", ":execution:") + ":run-1");
    assertThat(sfn.describeExecution(b -> b.executionArn(started.executionArn())).status())
        .isEqualTo(ExecutionStatus.RUNNING);

    TaskRequest task = nextTask(function);
    assertThat(task.input().toString()).isEqualTo("{\"image\":\"cat.png\",\"size\":3}");
    sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"resized\": true}"));

    DescribeExecutionResponse done = awaitDone(started.executionArn());
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("{\"resized\":true}");
    assertThat(done.input()).isEqualTo("{\"image\":\"cat.png\"}");
    assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate());
    assertThat(done.stateMachineArn()).isEqualTo(machine);

    GetExecutionHistoryResponse history = sfn.getExecutionHistory(b -> b.executionArn(started.executionArn()));
    assertThat(history.events()).extracting(HistoryEvent::type).startsWith(
        HistoryEventType.EXECUTION_STARTED, HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
        HistoryEventType.WAIT_STATE_ENTERED).endsWith(HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(history.events().get(0).executionStartedEventDetails().input()).isEqualTo("{\"image\":\"cat.png\"}");
    assertThat(history.events().get(1).previousEventId()).isEqualTo(1L);
    assertThat(history.events()).extracting(HistoryEvent::id)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, history.events().size()).boxed().toList());
  }

  @Test
  void shouldPageHistoryForwardAndBackwardAndLeaveOutDataOnRequest() throws Exception {
    String machine = create(unique("passes"), """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}
        """);
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\": 1}")).executionArn();
    awaitDone(arn);

    List<Long> forward = new ArrayList<>();
    sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn).maxResults(2))
        .forEach(page -> {
          assertThat(page.events()).hasSizeLessThanOrEqualTo(2);
          page.events().forEach(e -> forward.add(e.id()));
        });
    assertThat(forward).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);

    GetExecutionHistoryResponse reversed = sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(true)
        .maxResults(4));
    assertThat(reversed.events()).extracting(HistoryEvent::id).containsExactly(6L, 5L, 4L, 3L);
    GetExecutionHistoryResponse rest = sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(true)
        .maxResults(4).nextToken(reversed.nextToken()));
    assertThat(rest.events()).extracting(HistoryEvent::id).containsExactly(2L, 1L);
    assertThat(rest.nextToken()).isNull();

    HistoryEvent first = sfn.getExecutionHistory(b -> b.executionArn(arn).includeExecutionData(false)).events().get(0);
    assertThat(first.executionStartedEventDetails().input()).isNull();
  }

  @Test
  void shouldTreatTheSameNameAndInputAsTheSameExecutionWhileItRuns() {
    String machine = create(unique("waits"), """
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 30, "End": true}}}
        """);
    StartExecutionResponse first = sfn.startExecution(b -> b.stateMachineArn(machine).name("same").input("{\"a\":1}"));
    StartExecutionResponse again = sfn.startExecution(b -> b.stateMachineArn(machine).name("same").input("{\"a\": 1}"));
    assertThat(again.executionArn()).isEqualTo(first.executionArn());
    assertThat(again.startDate()).isEqualTo(first.startDate());

    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine).name("same").input("{\"a\":2}")))
        .isInstanceOf(software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException.class);

    sfn.stopExecution(b -> b.executionArn(first.executionArn()).error("Manual").cause("test over"));
    DescribeExecutionResponse stopped = sfn.describeExecution(b -> b.executionArn(first.executionArn()));
    assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine).name("same").input("{\"a\":1}")))
        .isInstanceOf(software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException.class);
  }

  @Test
  void shouldListExecutionsNewestFirstFilteredByStatusAndPaged() throws Exception {
    String machine = create(unique("listing"), """
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 30, "End": true}}}
        """);
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String name = "e" + i;
      arns.add(sfn.startExecution(b -> b.stateMachineArn(machine).name(name)).executionArn());
      Thread.sleep(5); // not a wait: spaces the start dates, so newest-first has one right order
    }
    sfn.stopExecution(b -> b.executionArn(arns.get(0)));
    awaitListed(machine, 3);

    List<String> listed = new ArrayList<>();
    sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine).maxResults(2))
        .forEach(page -> page.executions().forEach(e -> listed.add(e.executionArn())));
    assertThat(listed).containsExactly(arns.get(2), arns.get(1), arns.get(0));
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.ABORTED)).executions())
        .extracting(e -> e.executionArn()).containsExactly(arns.get(0));
    arns.subList(1, 3).forEach(a -> sfn.stopExecution(b -> b.executionArn(a)));
  }

  private void awaitListed(String machine, int count) {
    Eventually.await(Duration.ofSeconds(10), () -> {
      var executions = sfn.listExecutions(b -> b.stateMachineArn(machine)).executions();
      assertThat(executions).as("executions of %s", machine).hasSizeGreaterThanOrEqualTo(count)
          .anyMatch(e -> e.status() == ExecutionStatus.ABORTED);
    });
  }

  @Test
  void shouldFailTheTaskWithSendTaskFailureAndAcceptHeartbeats() throws Exception {
    String function = unique("Fails");
    String machine = create(unique("failing"), """
        {"StartAt": "T", "States": {"T": {"Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:%s", "End": true}}}
        """.formatted(function));
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
    TaskRequest task = nextTask(function);
    sfn.sendTaskHeartbeat(b -> b.taskToken(task.taskToken()));
    sfn.sendTaskFailure(b -> b.taskToken(task.taskToken()).error("Broken").cause("the image is corrupt"));

    DescribeExecutionResponse done = awaitDone(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("Broken");
    // SendTaskFailure answers like a worker; for a Lambda function the engine records AWS's error document.
    assertThat(WireJson.mapper().readTree(done.cause()).path("errorMessage").asText()).isEqualTo("the image is corrupt");

    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{}")))
        .isInstanceOf(software.amazon.awssdk.services.sfn.model.TaskTimedOutException.class);
    assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(arn)).stateMachineArn()).isEqualTo(machine);
  }

  @Test
  void shouldReturnTheResultOfASynchronousExpressExecution() {
    String machine = sfn.createStateMachine(b -> b.name(unique("express")).roleArn(ROLE).type("EXPRESS")
        .definition("""
            {"StartAt": "Hello", "States": {"Hello": {"Type": "Pass",
              "Parameters": {"greeting.$": "States.Format('Hello, {}!', $.who)"}, "End": true}}}
            """)).stateMachineArn();
    var result = sfn.startSyncExecution(b -> b.stateMachineArn(machine).input("{\"who\": \"Kafka\"}"));
    assertThat(result.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(result.output()).isEqualTo("{\"greeting\":\"Hello, Kafka!\"}");
    assertThat(result.executionArn()).contains(":express:");
  }

  TaskRequest nextTask(String taskName) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(fixture.topics.taskTopic(taskName)));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          return WireJson.decode(r.value(), TaskRequest.class);
        }
      }
    }
    throw new AssertionError("no task on " + taskName);
  }

  static String tokenFor(String executionArn) {
    return TaskTokens.create(executionArn, 1, "x");
  }

  static Map<String, String> tags(software.amazon.awssdk.services.sfn.model.ListTagsForResourceResponse r) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    r.tags().forEach(t -> out.put(t.key(), t.value()));
    return out;
  }
}
