package dev.stepstream.processor.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One transaction per batch: target records, then results (none for .waitForTaskToken), then offsets. */
class IntegrationBatchTest {
  static final String TASKS = "stepstream.tasks.__kafka.publish";
  static final String RESULTS = "stepstream.task-results";

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final IntegrationBatch batch = new IntegrationBatch(
      new BuiltInIntegrations(new TopicRouter(IntegrationSettings.defaults("stepstream."), TopicCatalogue.load())),
      topic -> true, RESULTS);

  @BeforeEach
  void initTransactions() {
    producer.initTransactions();
  }

  @Test
  void shouldWriteTargetsThenResultsThenOffsetsInOneCommittedTransaction() throws Exception {
    batch.run(List.of(record(5, "arn:aws:states:::kafka:publish", "t1"), record(6, "arn:aws:states:::kafka:publish", "t2")),
        producer, consumer);

    assertThat(producer.transactionCommitted()).isTrue();
    List<ProducerRecord<String, byte[]>> sent = producer.history();
    assertThat(sent).extracting(ProducerRecord::topic).containsExactly("out", "out", RESULTS, RESULTS);
    TaskSucceeded first = WireJson.decode(sent.get(2).value(), TaskSucceeded.class);
    assertThat(first.taskToken()).isEqualTo("t1");
    assertThat(first.output().get("Topic").asText()).isEqualTo("out");
    assertThat(first.output().get("Offset").asLong()).isZero();
    assertThat(WireJson.decode(sent.get(3).value(), TaskSucceeded.class).output().get("Offset").asLong()).isEqualTo(1);
    assertThat(sent.get(2).key()).isEqualTo(Calls.EXECUTION);
    assertThat(producer.consumerGroupOffsetsHistory()).hasSize(1);
    Map<TopicPartition, OffsetAndMetadata> offsets = producer.consumerGroupOffsetsHistory().get(0).values().iterator().next();
    assertThat(offsets).containsEntry(new TopicPartition(TASKS, 0), new OffsetAndMetadata(7));
  }

  @Test
  void shouldWriteOnlyTheTargetForWaitForTaskToken() {
    batch.run(List.of(record(0, "arn:aws:states:::kafka:publish.waitForTaskToken", "t1")), producer, consumer);

    assertThat(producer.history()).extracting(ProducerRecord::topic).containsExactly("out");
    assertThat(producer.consumerGroupOffsetsHistory()).hasSize(1);
  }

  @Test
  void shouldWriteOnlyTheChildsStartForANestedExecutionWhoseProcessorAnswers() {
    for (String resource : List.of("arn:aws:states:::states:startExecution", "arn:aws:states:::states:startExecution.sync",
        "arn:aws:states:::states:startExecution.sync:2", "arn:aws:states:::states:startExecution.waitForTaskToken")) {
      producer.clear();
      TaskRequest request = new TaskRequest(1, Calls.EXECUTION, "t1", resource, "__states.startExecution", "Call",
          Calls.json("{\"StateMachineArn\":\"arn:aws:states:eu-west-1:123456789012:stateMachine:Ship\"}"), 1, null,
          null, null, Calls.NOW);
      batch.run(List.of(new ConsumerRecord<>("stepstream.tasks.__states.startExecution", 0, 0L, Calls.EXECUTION,
          WireJson.encode(request))), producer, consumer);

      assertThat(producer.history()).as(resource).extracting(ProducerRecord::topic)
          .containsExactly("stepstream.commands");
    }
  }

  @Test
  void shouldFailTheTaskWithTheKafkaErrorWhenARecordCannotBeWritten() {
    batch.fail(record(3, "arn:aws:states:::kafka:publish", "t1"),
        new org.apache.kafka.common.errors.RecordTooLargeException("too large"), producer, consumer);

    assertThat(producer.history()).extracting(ProducerRecord::topic).containsExactly(RESULTS);
    TaskFailed failed = WireJson.decode(producer.history().get(0).value(), TaskFailed.class);
    assertThat(failed.error()).isEqualTo("Kafka.RecordTooLargeException");
    assertThat(failed.cause()).isEqualTo("too large");
    assertThat(producer.transactionCommitted()).isTrue();
  }

  @Test
  void shouldSkipUndecodableRequestsButCommitTheirOffsets() {
    batch.run(List.of(new ConsumerRecord<>(TASKS, 0, 9, "k", "not json".getBytes())), producer, consumer);

    assertThat(producer.history()).isEmpty();
    assertThat(producer.consumerGroupOffsetsHistory().get(0).values().iterator().next())
        .containsEntry(new TopicPartition(TASKS, 0), new OffsetAndMetadata(10));
  }

  @Test
  void shouldKeepAKafkaErrorOfPlanningForTheCommitWhichAbortsAndRethrowsIt() {
    IntegrationBatch failing = new IntegrationBatch(
        new BuiltInIntegrations(new TopicRouter(IntegrationSettings.defaults("stepstream."), TopicCatalogue.load())),
        topic -> {
          throw new org.apache.kafka.common.errors.TimeoutException("no broker");
        }, RESULTS);
    List<IntegrationBatch.Prepared> prepared = failing.prepare(List.of(record(1, "arn:aws:states:::kafka:publish", "t1")));

    assertThat(prepared.get(0).error()).hasMessage("no broker");
    assertThatThrownBy(() -> failing.commit(prepared, producer, consumer)).hasMessage("no broker");
    assertThat(producer.transactionAborted()).isTrue();
    assertThat(producer.history()).isEmpty();
  }

  private static ConsumerRecord<String, byte[]> record(long offset, String resource, String token) {
    TaskRequest request = new TaskRequest(1, Calls.EXECUTION, token, resource, "__kafka.publish", "Publish",
        Calls.json("{\"Topic\":\"out\",\"Value\":{\"n\":" + offset + "}}"), 1, null, null, null, Calls.NOW);
    return new ConsumerRecord<>(TASKS, 0, offset, Calls.EXECUTION, WireJson.encode(request));
  }
}
