package dev.stepstream.bench.harness;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker a run uses, its topic naming (every scenario gets fresh topics under the run's
 * prefix) and the client settings shared by the baselines and the workflows.
 */
public final class BenchKafka {
  private final String bootstrapServers;
  private final int partitions;
  private final String runPrefix;
  private final Path stateRoot;
  private final AtomicInteger sequence = new AtomicInteger();

  public BenchKafka(String bootstrapServers, int partitions, String runPrefix, Path stateRoot) {
    this.bootstrapServers = bootstrapServers;
    this.partitions = partitions;
    this.runPrefix = runPrefix;
    this.stateRoot = stateRoot;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public int partitions() {
    return partitions;
  }

  /** A fresh name prefix for one scenario, e.g. {@code bench-1a2b.b3-7.}. */
  public String scenarioPrefix(String scenario) {
    return runPrefix + scenario + "-" + sequence.incrementAndGet() + ".";
  }

  /** A fresh Kafka Streams state directory for one application. */
  public Path stateDir(String applicationId) {
    return stateRoot.resolve(applicationId);
  }

  public void createTopics(List<String> names) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList())
          .all().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topics " + names + ": " + e.getMessage(), e);
    }
  }

  /** A producer configuration; {@code lingerMs} as the scenario's profile asks. */
  public Map<String, Object> producer(int lingerMs) {
    Map<String, Object> c = new HashMap<>();
    c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return c;
  }

  /** A read_committed consumer in its own group, from the earliest offset. */
  public Map<String, Object> consumer(String groupId) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return c;
  }
}
