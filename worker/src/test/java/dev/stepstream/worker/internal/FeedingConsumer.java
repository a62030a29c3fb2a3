package dev.stepstream.worker.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * A MockConsumer that behaves like a real one for the worker loop: its topic's partitions are
 * assigned at the first poll, a poll with a timeout waits for records instead of returning at once,
 * and {@link #feed} waits while {@code backlog} records are not polled yet.
 */
final class FeedingConsumer extends MockConsumer<String, byte[]> {
  private final String topic;
  private final long[] nextOffsets;
  private final int backlogLimit;
  private int backlog;

  FeedingConsumer(String topic, int partitions, int maxPollRecords, int backlogLimit) {
    super("earliest");
    this.topic = topic;
    this.nextOffsets = new long[partitions];
    this.backlogLimit = backlogLimit;
    List<TopicPartition> assigned = new ArrayList<>();
    Map<TopicPartition, Long> beginnings = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      assigned.add(new TopicPartition(topic, p));
      beginnings.put(new TopicPartition(topic, p), 0L);
    }
    schedulePollTask(() -> {
      rebalance(assigned);
      updateBeginningOffsets(beginnings);
    });
    setMaxPollRecords(maxPollRecords);
  }

  /** Adds a record at the next offset of its partition; waits for the assignment and for backlog room. */
  synchronized void feed(int partition, String key, byte[] value, RecordHeaders headers) throws InterruptedException {
    while (assignment().isEmpty() || backlog >= backlogLimit) {
      wait(100);
    }
    long offset = nextOffsets[partition]++;
    addRecord(new ConsumerRecord<>(topic, partition, offset, 0L, TimestampType.CREATE_TIME,
        key.length(), value == null ? -1 : value.length, key, value, headers, Optional.empty()));
    backlog++;
    notifyAll();
  }

  /** The committed position of every partition (offsets after the last committed record). */
  synchronized Map<Integer, Long> committedPositions() {
    Map<Integer, Long> positions = new HashMap<>();
    for (int p = 0; p < nextOffsets.length; p++) {
      var committed = committed(java.util.Set.of(new TopicPartition(topic, p))).get(new TopicPartition(topic, p));
      positions.put(p, committed == null ? 0L : committed.offset());
    }
    return positions;
  }

  @Override
  public synchronized ConsumerRecords<String, byte[]> poll(Duration timeout) {
    ConsumerRecords<String, byte[]> records = super.poll(Duration.ZERO);
    if (records.isEmpty() && !timeout.isZero()) {
      try {
        wait(timeout.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      records = super.poll(Duration.ZERO);
    }
    backlog -= records.count();
    notifyAll();
    return records;
  }
}
