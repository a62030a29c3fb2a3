package dev.stepstream.worker.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;

/**
 * A MockConsumer that makes its records on the polling thread, {@code maxPollRecords} per poll, as
 * many as {@link #allow} released, so that a probe's poll thread does all the work of a round
 * without waiting for another thread. When the released records are used up it notes the polling
 * thread's CPU time and waits for the next release.
 */
final class GeneratingConsumer extends MockConsumer<String, byte[]> {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final LongFunction<ConsumerRecord<String, byte[]>> records;
  private final int perPoll;
  private long generated;
  private long allowed;
  private long idleCpuNanos = -1;
  private long idleAt = -1;
  private Map<TopicPartition, OffsetAndMetadata> committedAtClose = Map.of();
  private int asyncCommits;
  private boolean committingSync;

  GeneratingConsumer(String topic, int partitions, int perPoll, LongFunction<ConsumerRecord<String, byte[]>> records) {
    super("earliest");
    this.records = records;
    this.perPoll = perPoll;
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
    setMaxPollRecords(perPoll);
  }

  /** The offsets committed until the consumer was closed. */
  synchronized Map<TopicPartition, OffsetAndMetadata> committedWhenClosed() {
    return committedAtClose;
  }

  /** How many times the worker called {@code commitAsync} (MockConsumer's {@code commitSync} calls it too). */
  synchronized int asyncCommits() {
    return asyncCommits;
  }

  @Override
  public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
    if (!committingSync) {
      asyncCommits++;
    }
    super.commitAsync(offsets, callback);
  }

  @Override
  public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    committingSync = true;
    try {
      super.commitSync(offsets);
    } finally {
      committingSync = false;
    }
  }

  @Override
  public synchronized void close() {
    committedAtClose = committed(assignment());
    super.close();
  }

  /** Releases {@code count} more records. */
  synchronized void allow(long count) {
    allowed += count;
    notifyAll();
  }

  /** The poll thread's CPU time when it went idle having made {@code count} records; waits for it. */
  synchronized long awaitIdleCpu(long count) throws InterruptedException {
    while (idleAt != count) {
      wait(100);
    }
    return idleCpuNanos;
  }

  @Override
  public synchronized ConsumerRecords<String, byte[]> poll(Duration timeout) {
    if (assignment().isEmpty()) {
      return super.poll(Duration.ZERO);
    }
    if (generated == allowed) {
      idleCpuNanos = THREADS.getCurrentThreadCpuTime();
      idleAt = generated;
      notifyAll();
      try {
        wait(timeout.toMillis() + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (int i = 0; i < perPoll && generated < allowed; i++) {
      addRecord(records.apply(generated++));
    }
    return super.poll(Duration.ZERO);
  }
}
