package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.PoisonRecords.Kind;
import dev.stepstream.processor.PoisonRecords.Poison;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison records through a real broker and the real serialization path (tombstones, null keys, 2 MiB
 * values on topics whose limit an operator raised): every bad record is dead-lettered with where it was
 * read, and executions started around them complete.
 */
@ExtendWith(KafkaClusterExtension.class)
class PoisonRecordsIT {
  private static final int FOUR_MIB = 4 * 1024 * 1024;
  private static final String MACHINE = TopologyHarness.MACHINE;

  @Test
  void shouldDeadLetterEveryKindOfBadRecordAndCompleteTheGoodOnes(KafkaCluster kafka, @TempDir Path stateDir)
      throws Exception {
    TopicCatalogue topics = StepstreamProcessorIT.provisionTopics(kafka, "poison-", 2, "Shout");
    raiseRecordLimit(kafka, topics.commands(), topics.taskResults());
    ProcessorConfig config = new ProcessorConfig(kafka.bootstrapServers(), "poison-" + UUID.randomUUID(), topics,
        stateDir, Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());
    List<Kind> kinds = new ArrayList<>(PoisonRecords.everyday());
    kinds.remove(Kind.UNKNOWN_STATE_MACHINE); // dead-lettered only after a minute; PoisonRecordsTest covers it
    kinds.add(Kind.TWO_MIB_GARBAGE);
    kinds.add(Kind.TWO_MIB_JSON_STRING);
    PoisonRecords poisons = new PoisonRecords(19);
    Set<String> expected = new HashSet<>();
    int good = 10;

    try (StepstreamProcessor processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(90));
        EchoWorker worker = new EchoWorker(kafka.bootstrapServers(), List.of(topics.taskTopic("Shout")), topics.taskResults());
        KafkaProducer<String, byte[]> producer = bigProducer(kafka)) {
      producer.send(new ProducerRecord<>(topics.definitions(), MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE,
          "Test", StateMachineRecord.KIND_STATE_MACHINE, PoisonRecordsTest.SHOUT, "STANDARD", "", "r1", 1L, 1L)))).get();
      for (int i = 0; i < good; i++) {
        String arn = "arn:aws:states:us-east-1:123456789012:execution:Test:good-" + i;
        producer.send(new ProducerRecord<>(topics.commands(), arn, PoisonRecords.start(arn, MACHINE)));
        for (String topic : List.of(topics.commands(), topics.taskResults())) {
          Poison poison = poisons.make(kinds.get((2 * i + expected.size()) % kinds.size()), expected.size());
          RecordMetadata sent = producer.send(new ProducerRecord<>(topic, poison.key(), poison.value())).get();
          expected.add(sent.topic() + "/" + sent.partition() + "@" + sent.offset());
        }
      }
      for (Kind kind : kinds) {
        Poison poison = poisons.make(kind, expected.size());
        RecordMetadata sent = producer.send(new ProducerRecord<>(topics.taskResults(), poison.key(), poison.value())).get();
        expected.add(sent.topic() + "/" + sent.partition() + "@" + sent.offset());
      }

      Map<String, ExecutionSummary> finished = StepstreamProcessorIT.awaitFinished(kafka, topics.executions(), good,
          Duration.ofSeconds(90));
      List<DeadLetter> letters = awaitLetters(kafka, topics.deadLetters(), expected.size(), Duration.ofSeconds(60));

      assertThat(finished).hasSize(good);
      assertThat(finished.values()).allSatisfy(s -> assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
      assertThat(letters).hasSize(expected.size()).allSatisfy(l -> {
        assertThat(l.reason()).isNotBlank();
        if (l.valueBase64() != null) {
          assertThat(l.valueBase64().length()).isLessThan(DeadLetters.MAX_KEPT_VALUE_BYTES * 2);
        }
      });
      assertThat(letters.stream().map(l -> l.sourceTopic() + "/" + l.partition() + "@" + l.offset()))
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(processor.metrics().deadLetteredCount()).isEqualTo(expected.size());
    }
  }

  private static void raiseRecordLimit(KafkaCluster kafka, String... topics) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new java.util.HashMap<>();
      for (String topic : topics) {
        changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
            new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(FOUR_MIB)), AlterConfigOp.OpType.SET)));
      }
      admin.incrementalAlterConfigs(changes).all().get();
    }
  }

  private static KafkaProducer<String, byte[]> bigProducer(KafkaCluster kafka) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, FOUR_MIB), new StringSerializer(), new ByteArraySerializer());
  }

  private static List<DeadLetter> awaitLetters(KafkaCluster kafka, String topic, int count, Duration timeout) {
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "letters-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (letters.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          letters.add(WireJson.decode(r.value(), DeadLetter.class));
        }
      }
      // A moment more, so that a letter too many would be seen.
      consumer.poll(Duration.ofSeconds(1)).forEach(r -> letters.add(WireJson.decode(r.value(), DeadLetter.class)));
    }
    return letters;
  }
}
