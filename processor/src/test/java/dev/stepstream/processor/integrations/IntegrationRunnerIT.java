package dev.stepstream.processor.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The built-in messaging integrations on a real broker, with the processor and the integration runner. */
@ExtendWith(KafkaClusterExtension.class)
class IntegrationRunnerIT {
  private static final String ACCOUNT = "123456789012";
  private static final String MACHINE = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:Notify";

  @Test
  void shouldPublishToMappedTopicsExactlyOnceAndAnswerWaitForTaskTokenByReply(KafkaCluster kafka,
      @TempDir Path stateDir) throws Exception {
    TopicCatalogue topics = TopicCatalogue.load("it-int-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 2, (short) 1)) {
      provisioner.ensureCatalogueTopics();
    }
    String orders = topics.prefix() + "orders";
    String approvals = topics.prefix() + "approvals";
    String definition = """
        {"StartAt":"Kafka","States":{
          "Kafka":{"Type":"Task","Resource":"arn:aws:states:::kafka:publish",
            "Parameters":{"Topic":"%s","Key.$":"$.id","Value":{"order.$":"$.id"},"Headers":{"origin":"it"}},
            "ResultPath":"$.kafka","Next":"Sns"},
          "Sns":{"Type":"Task","Resource":"arn:aws:states:::sns:publish",
            "Parameters":{"TopicArn":"arn:aws:sns:us-east-1:%s:alerts","Message.$":"$.id","Subject":"New order"},
            "ResultPath":"$.sns","Next":"Sqs"},
          "Sqs":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
            "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/%s/jobs.fifo","MessageBody":{"job.$":"$.id"},
              "MessageGroupId":"g1"},
            "ResultPath":"$.sqs","Next":"Events"},
          "Events":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents",
            "Parameters":{"Entries":[{"Source":"shop","DetailType":"OrderPlaced","Detail":{"order.$":"$.id"}}]},
            "ResultPath":"$.events","Next":"Approve"},
          "Approve":{"Type":"Task","Resource":"arn:aws:states:::kafka:publish.waitForTaskToken",
            "Parameters":{"Topic":"%s","Value":{"order.$":"$.id"}},"ResultPath":"$.approval","End":true}}}"""
        .formatted(orders, ACCOUNT, ACCOUNT, approvals);
    ProcessorConfig config = new ProcessorConfig(kafka.bootstrapServers(), "it-" + UUID.randomUUID(), topics, stateDir,
        Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());
    String execution = "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:Notify:n1";

    try (StepstreamProcessor processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(60));
        IntegrationRunner runner = IntegrationRunner.start(kafka.bootstrapServers(), topics, config.applicationId(), "it",
            IntegrationSettings.defaults(topics.prefix()));
        KafkaProducer<String, byte[]> producer = producer(kafka)) {
      producer.send(new ProducerRecord<>(topics.definitions(), MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE,
          "Notify", StateMachineRecord.KIND_STATE_MACHINE, definition, "STANDARD", "", "r1", 1L, 1L)))).get();
      producer.send(new ProducerRecord<>(topics.commands(), execution, WireJson.encode(new StartExecution(1, execution,
          MACHINE, "n1", JsonNodeFactory.instance.objectNode().put("id", "o-7"), System.currentTimeMillis())))).get();

      ConsumerRecord<String, byte[]> request = readAll(kafka, approvals, 1, Duration.ofSeconds(60)).get(0);
      String token = header(request, Integration.TASK_TOKEN_HEADER);
      JsonNode envelope = WireJson.mapper().readTree(request.value());
      assertThat(envelope.get("TaskToken").asText()).isEqualTo(token);
      assertThat(envelope.get("ExecutionArn").asText()).isEqualTo(execution);
      assertThat(envelope.get("Value").get("order").asText()).isEqualTo("o-7");
      producer.send(new ProducerRecord<>(topics.taskResults(), execution, WireJson.encode(new TaskSucceeded(1,
          execution, token, WireJson.mapper().readTree("{\"approved\":true}"))))).get();

      ExecutionSummary summary = awaitFinished(kafka, topics.executions(), execution, Duration.ofSeconds(60));
      assertThat(summary.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      JsonNode output = summary.output();
      assertThat(output.get("approval")).isEqualTo(WireJson.mapper().readTree("{\"approved\":true}"));

      ConsumerRecord<String, byte[]> order = readAll(kafka, orders, 1, Duration.ofSeconds(10)).get(0);
      assertThat(order.key()).isEqualTo("o-7");
      assertThat(new String(order.value(), StandardCharsets.UTF_8)).isEqualTo("{\"order\":\"o-7\"}");
      assertThat(header(order, "origin")).isEqualTo("it");
      assertThat(output.at("/kafka/Topic").asText()).isEqualTo(orders);
      assertThat(output.at("/kafka/Partition").asInt()).isEqualTo(order.partition());
      assertThat(output.at("/kafka/Offset").asLong()).isEqualTo(order.offset());
      assertThat(output.at("/kafka/Timestamp").asLong()).isEqualTo(order.timestamp());

      JsonNode notification = WireJson.mapper().readTree(
          readAll(kafka, topics.prefix() + "sns.alerts", 1, Duration.ofSeconds(10)).get(0).value());
      assertThat(notification.get("Type").asText()).isEqualTo("Notification");
      assertThat(notification.get("Message").asText()).isEqualTo("o-7");
      assertThat(notification.get("Subject").asText()).isEqualTo("New order");
      assertThat(notification.get("MessageId").asText()).isEqualTo(output.at("/sns/MessageId").asText());

      ConsumerRecord<String, byte[]> job = readAll(kafka, topics.prefix() + "sqs.jobs.fifo", 1, Duration.ofSeconds(10)).get(0);
      assertThat(new String(job.value(), StandardCharsets.UTF_8)).isEqualTo("{\"job\":\"o-7\"}");
      assertThat(job.key()).isEqualTo("g1");
      assertThat(output.at("/sqs/MessageId").asText()).isNotEmpty();
      assertThat(output.at("/sqs/MD5OfMessageBody").asText()).isEqualTo(AwsShapes.md5Hex("{\"job\":\"o-7\"}"));
      assertThat(output.at("/sqs/SequenceNumber").asText()).isEqualTo(String.format("%020d", job.offset()));

      JsonNode event = WireJson.mapper().readTree(
          readAll(kafka, topics.prefix() + "events.default", 1, Duration.ofSeconds(10)).get(0).value());
      assertThat(event.get("detail-type").asText()).isEqualTo("OrderPlaced");
      assertThat(event.get("detail").get("order").asText()).isEqualTo("o-7");
      assertThat(event.get("resources")).extracting(JsonNode::asText).containsExactly(MACHINE, execution);
      assertThat(output.at("/events/Entries/0/EventId").asText()).isEqualTo(event.get("id").asText());
      assertThat(output.at("/events/FailedEntryCount").asInt()).isZero();

      // Exactly once: every target holds one record, and nothing more arrives.
      for (String topic : List.of(orders, approvals, topics.prefix() + "sns.alerts", topics.prefix() + "sqs.jobs.fifo",
          topics.prefix() + "events.default")) {
        assertThat(readAll(kafka, topic, 2, Duration.ofSeconds(2))).as(topic).hasSize(1);
      }
    }
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  static KafkaProducer<String, byte[]> producer(KafkaCluster kafka) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new StringSerializer(), new ByteArraySerializer());
  }

  /** Committed records of a topic from the start, until {@code count} arrived or the time is up. */
  static List<ConsumerRecord<String, byte[]>> readAll(KafkaCluster kafka, String topic, int count, Duration timeout) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  static ExecutionSummary awaitFinished(KafkaCluster kafka, String topic, String execution, Duration timeout) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      ExecutionSummary last = null;
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (execution.equals(r.key()) && r.value() != null) {
            last = WireJson.decode(r.value(), ExecutionSummary.class);
            if (last.status() != ExecutionStatus.RUNNING) {
              return last;
            }
          }
        }
      }
      throw new AssertionError("the execution did not finish in " + timeout + "; last summary " + last);
    }
  }

  static KafkaConsumer<String, byte[]> consumer(KafkaCluster kafka) {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer());
  }
}
