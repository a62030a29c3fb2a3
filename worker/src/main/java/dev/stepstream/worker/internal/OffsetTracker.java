package dev.stepstream.worker.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed when records of a partition finish out of order. A partition's
 * committable position is its lowest unfinished offset, or one past the last record handed out when
 * everything finished; offsets never handed out (gaps left by transaction markers) do not block it.
 *
 * <p>Used by the poll thread only; not thread-safe.
 */
public final class OffsetTracker {
  private final Map<TopicPartition, PartitionOffsets> partitions = new HashMap<>();

  /** A record handed to a handler; give it back to {@link #completed(Ticket)} when it is done. */
  public record Ticket(TopicPartition partition, long offset, Object epoch) {}

  public Ticket dispatched(TopicPartition partition, long offset) {
    PartitionOffsets offsets = partitions.computeIfAbsent(partition, p -> new PartitionOffsets());
    offsets.pending.add(offset);
    offsets.nextAfterDispatched = Math.max(offsets.nextAfterDispatched, offset + 1);
    return new Ticket(partition, offset, offsets);
  }

  /** Marks a record done. Tickets from before the partition was {@link #forget forgotten} are ignored. */
  public void completed(Ticket ticket) {
    PartitionOffsets offsets = partitions.get(ticket.partition());
    if (offsets == ticket.epoch()) {
      offsets.pending.remove(ticket.offset());
    }
  }

  /** The positions that moved past what was last {@link #markCommitted marked committed}. */
  public Map<TopicPartition, OffsetAndMetadata> committable() {
    return committable(partitions.keySet());
  }

  public Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> among) {
    Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
    for (TopicPartition partition : among) {
      PartitionOffsets offsets = partitions.get(partition);
      if (offsets != null && offsets.position() > offsets.committed) {
        result.put(partition, new OffsetAndMetadata(offsets.position()));
      }
    }
    return result;
  }

  public void markCommitted(Map<TopicPartition, OffsetAndMetadata> committed) {
    committed.forEach((partition, position) -> {
      PartitionOffsets offsets = partitions.get(partition);
      if (offsets != null) {
        offsets.committed = Math.max(offsets.committed, position.offset());
      }
    });
  }

  /** Drops partitions this consumer no longer owns; their outstanding tickets become stale. */
  public void forget(Collection<TopicPartition> revoked) {
    revoked.forEach(partitions::remove);
  }

  /** Records handed out and not completed, over all tracked partitions. */
  public int pending() {
    return partitions.values().stream().mapToInt(o -> o.pending.size()).sum();
  }

  private static final class PartitionOffsets {
    private final TreeSet<Long> pending = new TreeSet<>();
    private long nextAfterDispatched = -1;
    private long committed = -1;

    long position() {
      return pending.isEmpty() ? nextAfterDispatched : pending.first();
    }
  }
}
