package dev.stepstream.processor;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * The RocksDB options of the processor's stores, where Kafka Streams' defaults do not fit them
 * (the processor's default {@code rocksdb.config.setter}).
 *
 * <ul>
 *   <li><b>Bloom filters for every lookup of the {@code executions} store.</b> Every start looks up
 *       an execution that does not exist yet: the API before it publishes the start (is the name
 *       taken?) and the processor when it applies it. Kafka Streams builds its stores without a
 *       filter on the bottommost level ({@code optimize_filters_for_hits}, right for stores read
 *       mostly for keys they hold), so each such miss searched the memtable and read a data block of
 *       the last level. Here a miss stops at a filter: whole-key filters in the memtable and in
 *       every level's files, about 10 bits per key.
 *   <li><b>LZ4 for the files of the {@code executions} and {@code history} stores.</b> Kafka Streams
 *       writes its files uncompressed. These two stores take nearly all the processor's writes, and
 *       their values are mostly JSON text (history events, inputs and outputs), so flushing and
 *       compacting them was mostly the kernel copying bytes into files: without compression, a
 *       fifth of the processor JVM's CPU in W1 went to RocksDB's background threads.
 * </ul>
 */
public final class StoreOptions implements RocksDBConfigSetter {
  /**
   * The memtable filter's size as a share of the write buffer: 160 KiB of Kafka Streams' 16 MiB,
   * 10 bits for each of 130,000 keys, more than a memtable of execution states holds.
   */
  static final double MEMTABLE_FILTER_RATIO = 0.01;

  /** The stores whose files are compressed. */
  static final Set<String> COMPRESSED_STORES = Set.of(StepstreamTopology.EXECUTIONS_STORE, HistoryStore.STORE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    if (StepstreamTopology.EXECUTIONS_STORE.equals(storeName)) {
      options.setOptimizeFiltersForHits(false);
      options.setMemtablePrefixBloomSizeRatio(MEMTABLE_FILTER_RATIO);
      options.setMemtableWholeKeyFiltering(true);
    }
    if (COMPRESSED_STORES.contains(storeName)) {
      options.setCompressionType(CompressionType.LZ4_COMPRESSION);
    }
  }

  @Override
  public void close(String storeName, Options options) {
    // Nothing was allocated here: the options own what they hold.
  }
}
