package dev.stepstream.processor;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  void opened(int partition, Partition stores) {
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

  /** The stores of every partition running here now (a live view, read without copying). */
  Collection<Partition> all() {
    return running.values();
  }
}
