package dev.stepstream.server.triggers;

import dev.stepstream.wire.TriggerRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a trigger starts reading a partition it has no committed offset for: LATEST and EARLIEST
 * are the consumer's {@code auto.offset.reset}; AT_TIMESTAMP seeks, on assignment, to the first
 * record at or after the timestamp (the end when there is none). Committed offsets always win, so
 * a resumed trigger continues where it stopped.
 */
final class StartingPosition implements ConsumerRebalanceListener {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final TriggerRecord trigger;

  StartingPosition(KafkaConsumer<byte[], byte[]> consumer, TriggerRecord trigger) {
    this.consumer = consumer;
    this.trigger = trigger;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    if (!TriggerRecord.AT_TIMESTAMP.equals(trigger.startingPosition()) || partitions.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
    Map<TopicPartition, Long> fresh = new HashMap<>();
    for (TopicPartition tp : partitions) {
      if (committed.get(tp) == null) {
        fresh.put(tp, trigger.startingTimestamp());
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    Set<TopicPartition> atEnd = new HashSet<>();
    consumer.offsetsForTimes(fresh).forEach((tp, found) -> {
      if (found == null) {
        atEnd.add(tp);
      } else {
        consumer.seek(tp, found.offset());
      }
    });
    if (!atEnd.isEmpty()) {
      consumer.seekToEnd(atEnd);
    }
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    // offsets are committed with each transaction; nothing is pending between polls
  }
}
