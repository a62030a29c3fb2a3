package dev.stepstream.server.api.backend;

import dev.stepstream.wire.KafkaConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory view of a compacted topic (latest value per key), kept up to date by one thread that
 * reads every partition from the beginning, without a consumer group. Writers can wait until the
 * view has read past their own write, so a write is immediately visible to the next read.
 */
public final class TailingView<V> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TailingView.class);

  private final String topic;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Function<byte[], Optional<V>> decoder;
  private final Map<String, V> values = new ConcurrentHashMap<>();
  private final Map<Integer, Long> positions = new HashMap<>();
  private final List<BiConsumer<String, V>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Thread thread;
  private final boolean keepsValues;
  private volatile boolean running = true;

  private TailingView(KafkaConnection kafka, String topic, Function<byte[], Optional<V>> decoder, boolean keepsValues) {
    this.topic = topic;
    this.decoder = decoder;
    this.keepsValues = keepsValues;
    Properties p = new Properties();
    kafka.applyTo(p);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(p);
    this.thread = new Thread(this::run, "stepstream-api-view-" + topic);
    this.thread.setDaemon(true);
  }

  /** Starts the view and returns once it has read everything the topic held at start. */
  public static <V> TailingView<V> start(String bootstrapServers, String topic, Function<byte[], Optional<V>> decoder,
      Duration timeout) {
    return start(KafkaConnection.of(bootstrapServers), topic, decoder, timeout);
  }

  /** As above, connecting with {@code kafka}'s servers and client (security) properties. */
  public static <V> TailingView<V> start(KafkaConnection kafka, String topic, Function<byte[], Optional<V>> decoder,
      Duration timeout) {
    return begin(new TailingView<>(kafka, topic, decoder, true), timeout);
  }

  /**
   * A view that keeps no values of its own: {@code listener} gets every record from the beginning
   * (null for a tombstone or a value that does not decode) and keeps what it needs. Returns once
   * the view has read everything the topic held at start.
   */
  public static <V> TailingView<V> follow(KafkaConnection kafka, String topic, Function<byte[], Optional<V>> decoder,
      BiConsumer<String, V> listener, Duration timeout) {
    TailingView<V> view = new TailingView<>(kafka, topic, decoder, false);
    view.addListener(listener);
    return begin(view, timeout);
  }

  private static <V> TailingView<V> begin(TailingView<V> view, Duration timeout) {
    Map<TopicPartition, Long> ends = view.assignAll();
    view.thread.start();
    ends.forEach((tp, end) -> view.awaitPosition(tp.partition(), end, timeout));
    return view;
  }

  private Map<TopicPartition, Long> assignAll() {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(info -> new TopicPartition(topic, info.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer.endOffsets(partitions);
  }

  /** The key's latest value (always empty in a view that {@linkplain #follow follows} without keeping values). */
  public Optional<V> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public Collection<V> values() {
    return List.copyOf(values.values());
  }

  /** Called on the view's thread for every new value (null for a tombstone). */
  public void addListener(BiConsumer<String, V> listener) {
    listeners.add(listener);
  }

  /** Waits until the view has read the record at {@code offset} of {@code partition}; false on timeout. */
  public boolean awaitPosition(int partition, long offset, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (positions) {
      while (positions.getOrDefault(partition, 0L) < offset) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          positions.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  private void run() {
    try {
      while (running) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
        batch.forEach(this::apply);
        Map<Integer, Long> now = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
          now.put(tp.partition(), consumer.position(tp));
        }
        synchronized (positions) {
          positions.putAll(now);
          positions.notifyAll();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("The view of {} stopped", topic, e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    Optional<V> value = record.value() == null ? Optional.empty() : decoder.apply(record.value());
    if (keepsValues) {
      if (value.isPresent()) {
        values.put(record.key(), value.get());
      } else {
        values.remove(record.key());
      }
    }
    V current = value.orElse(null);
    for (BiConsumer<String, V> listener : listeners) {
      listener.accept(record.key(), current);
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
