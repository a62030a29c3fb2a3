package dev.stepstream.processor;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * Bloom filters for every lookup of the {@code executions} store. Every start looks up an execution
 * that does not exist yet: the API before it publishes the start (is the name taken?) and the
 * processor when it applies it. Kafka Streams builds its stores without a filter on the bottommost
 * level ({@code optimize_filters_for_hits}, right for stores read mostly for keys they hold), so
 * each such miss searched the memtable and read a data block of the last level. Here a miss stops at
 * a filter: whole-key filters in the memtable and in every level's files, about 10 bits per key.
 */
public final class ExecutionStoreFilters implements RocksDBConfigSetter {
  /**
   * The memtable filter's size as a share of the write buffer: 160 KiB of Kafka Streams' 16 MiB,
   * 10 bits for each of 130,000 keys, more than a memtable of execution states holds.
   */
  static final double MEMTABLE_FILTER_RATIO = 0.01;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    if (StepstreamTopology.EXECUTIONS_STORE.equals(storeName)) {
      options.setOptimizeFiltersForHits(false);
      options.setMemtablePrefixBloomSizeRatio(MEMTABLE_FILTER_RATIO);
      options.setMemtableWholeKeyFiltering(true);
    }
  }

  @Override
  public void close(String storeName, Options options) {
    // Nothing was allocated here: the options own what they hold.
  }
}
