package dev.stepstream.processor;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The stores of the partitions whose execution processor runs in this instance, for the API's reads
 * (StartExecution's existence check, DescribeExecution). An interactive query through
 * {@code KafkaStreams#store} collects the stream threads' tasks at every get; that walk was 13 % of
 * the API's request threads in W4. A processor registers its partition's stores when Kafka Streams
 * initialises it, which is once its task has restored and runs, and removes them when Kafka Streams
 * closes it (the task suspended, closed or revived): the same set of stores such a query answers
 * from. Reads from another thread go through the same store objects as an interactive query's, and a
 * store closed under a read throws {@code InvalidStateStoreException} as one does.
 */
final class RunningStores {
  /** One partition's stores, as its processor was given them. */
  record Partition(ReadOnlyKeyValueStore<String, byte[]> executions, ReadOnlyKeyValueStore<String, String> traces) {}

  private final ConcurrentHashMap<Integer, Partition> running = new ConcurrentHashMap<>();
  /** The commands topic's partition count when the processor started; 0: not known. */
  private volatile int commandPartitions;

  RunningStores() {
    this(0);
  }

  RunningStores(int commandPartitions) {
    this.commandPartitions = Math.max(0, commandPartitions);
  }

  void opened(int partition, Partition stores) {
    if (partition >= commandPartitions) {
      commandPartitions = 0; // the topic has more partitions than it had at start: stop computing them
    }
    running.put(partition, stores);
  }

  /** Removes the partition's stores unless a newer processor of the partition registered its own meanwhile. */
  void closed(int partition, Partition stores) {
    running.remove(partition, stores);
  }

  /** The partition's stores, or empty when the partition does not run here now. */
  Optional<Partition> of(int partition) {
    return Optional.ofNullable(running.get(partition));
  }

  /**
   * The stores that can hold the execution: its partition's, when it runs here (none when it does
   * not), found as Kafka's producers partition a record keyed by the ARN (murmur2 of its UTF-8 bytes,
   * modulo the partition count), which is where its commands and so its state go. Every running
   * partition's when the partition count is not known. Without this, a read for a new execution
   * missed once in every partition's store (six misses instead of one, StartExecution's existence
   * check, by default).
   */
  Collection<Partition> holding(String executionArn) {
    int partitions = commandPartitions;
    if (partitions == 0) {
      return all();
    }
    int partition = Utils.toPositive(Utils.murmur2(executionArn.getBytes(StandardCharsets.UTF_8))) % partitions;
    Partition stores = running.get(partition);
    return stores == null ? List.of() : List.of(stores);
  }

  /** The stores of every partition running here now (a live view, read without copying). */
  Collection<Partition> all() {
    return running.values();
  }
}
