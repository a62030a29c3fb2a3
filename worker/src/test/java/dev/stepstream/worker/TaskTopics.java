package dev.stepstream.worker;

import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** One test's task and result topics on the real broker, under a prefix of their own. */
final class TaskTopics implements AutoCloseable {
  final String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
  final String task;
  private final KafkaCluster kafka;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> results;

  TaskTopics(KafkaCluster kafka, String task, int partitions) {
    this(kafka, task, partitions, true);
  }

  /** @param createTaskTopic false to leave the task topic to the worker */
  TaskTopics(KafkaCluster kafka, String task, int partitions, boolean createTaskTopic) {
    this.kafka = kafka;
    this.task = task;
    if (createTaskTopic) {
      kafka.createTopics(partitions, taskTopic());
    }
    kafka.createTopics(1, resultsTopic());
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 0),
        new StringSerializer(), new ByteArraySerializer());
    this.results = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer());
    TopicPartition resultPartition = new TopicPartition(resultsTopic(), 0);
    results.assign(List.of(resultPartition));
    results.seekToBeginning(List.of(resultPartition));
  }

  String taskTopic() {
    return prefix + "tasks." + task;
  }

  String resultsTopic() {
    return prefix + "task-results";
  }

  TaskWorkerBuilder worker(TaskHandler handler) {
    return TaskWorker.builder()
        .bootstrapServers(kafka.bootstrapServers())
        .topicPrefix(prefix)
        .task(task)
        .handler(handler);
  }

  TaskRequest request(String executionName, String inputJson) {
    try {
      return new TaskRequest(WireVersions.CURRENT, "arn:aws:states:us-east-1:123456789012:execution:sm:" + executionName,
          "token-" + executionName, "arn:aws:lambda:us-east-1:123456789012:function:" + task, task, "State" + task,
          WireJson.mapper().readTree(inputJson), 1, null, null, WireJson.mapper().createObjectNode(), System.currentTimeMillis());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  void send(TaskRequest request) {
    sendRaw(request.executionArn(), WireJson.encode(request));
  }

  void sendRaw(String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(taskTopic(), key, value)).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot produce to " + taskTopic(), e);
    }
  }

  /** Reads result records until {@code done} holds for everything read so far, or fails after the timeout. */
  List<ConsumerRecord<String, TaskResult>> readResultsUntil(Predicate<List<ConsumerRecord<String, TaskResult>>> done, Duration timeout) {
    List<ConsumerRecord<String, TaskResult>> read = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(read)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("results did not arrive within " + timeout + "; read so far: " + read);
      }
      for (ConsumerRecord<String, byte[]> r : results.poll(Duration.ofMillis(100))) {
        TaskResult value = WireJson.decode(r.value(), TaskResult.class);
        read.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), value));
      }
    }
    return read;
  }

  List<ConsumerRecord<String, TaskResult>> readResults(int count) {
    return readResultsUntil(read -> read.size() >= count, Duration.ofSeconds(20));
  }

  /** Committed offsets of the group minus the end offsets of the task topic, per partition (0 = all committed). */
  Map<Integer, Long> uncommitted(String groupId) {
    try (Admin admin = kafka.admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      int partitions = admin.describeTopics(List.of(taskTopic())).allTopicNames().get(10, TimeUnit.SECONDS)
          .get(taskTopic()).partitions().size();
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(taskTopic(), p), OffsetSpec.latest());
      }
      Map<Integer, Long> gaps = new HashMap<>();
      admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> {
        OffsetAndMetadata c = committed.get(tp);
        gaps.put(tp.partition(), info.offset() - (c == null ? 0 : c.offset()));
      });
      return gaps;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read offsets of group " + groupId, e);
    }
  }

  @Override
  public void close() {
    producer.close();
    results.close();
  }
}
