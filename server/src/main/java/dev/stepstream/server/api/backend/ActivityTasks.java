package dev.stepstream.server.api.backend;

import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * GetActivityTask: hands out task requests from an activity's {@code tasks.<name>} topic, one per
 * call, long-polling up to the caller's wait. One consumer per activity (group
 * {@code <groupPrefix>activity.<name>}), used by one caller at a time; the offset is committed as
 * soon as a task is handed out (AWS, too, hands an activity task to exactly one worker).
 */
public final class ActivityTasks implements AutoCloseable {
  private final KafkaConnection kafka;
  private final TopicCatalogue topics;
  private final String groupPrefix;
  private final Map<String, Poller> pollers = new ConcurrentHashMap<>();

  public ActivityTasks(String bootstrapServers, TopicCatalogue topics, String groupPrefix) {
    this(KafkaConnection.of(bootstrapServers), topics, groupPrefix);
  }

  public ActivityTasks(KafkaConnection kafka, TopicCatalogue topics, String groupPrefix) {
    this.kafka = kafka;
    this.topics = topics;
    this.groupPrefix = groupPrefix;
  }

  public Optional<TaskRequest> next(String activityName, Duration wait) {
    return pollers.computeIfAbsent(activityName, this::poller).next(wait);
  }

  private Poller poller(String activityName) {
    Properties p = new Properties();
    kafka.applyTo(p);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "activity." + activityName);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
    consumer.subscribe(List.of(topics.taskTopic(activityName)));
    return new Poller(consumer);
  }

  private static final class Poller {
    private final KafkaConsumer<String, byte[]> consumer;
    private final ReentrantLock lock = new ReentrantLock(true);

    Poller(KafkaConsumer<String, byte[]> consumer) {
      this.consumer = consumer;
    }

    Optional<TaskRequest> next(Duration wait) {
      long deadline = System.nanoTime() + wait.toNanos();
      try {
        if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
          return Optional.empty();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      try {
        while (System.nanoTime() < deadline) {
          long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(Math.min(left, 500)))) {
            consumer.commitSync();
            Optional<TaskRequest> request = decode(record.value());
            if (request.isPresent()) {
              return request;
            }
          }
        }
        return Optional.empty();
      } finally {
        lock.unlock();
      }
    }

    private static Optional<TaskRequest> decode(byte[] value) {
      try {
        return Optional.of(WireJson.decode(value, TaskRequest.class));
      } catch (WireFormatException e) {
        return Optional.empty();
      }
    }

    void close() {
      consumer.wakeup();
      lock.lock();
      try {
        consumer.close(Duration.ofSeconds(5));
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public void close() {
    pollers.values().forEach(Poller::close);
    pollers.clear();
  }
}
