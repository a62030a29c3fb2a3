package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.TopicCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class StoreOptionsTest {
  static {
    RocksDB.loadLibrary();
  }

  @Test
  void shouldFilterMissesOfTheExecutionsStoreOnEveryLevelAndInTheMemtable() {
    try (Options options = configured(StepstreamTopology.EXECUTIONS_STORE)) {
      assertThat(options.optimizeFiltersForHits()).isFalse();
      assertThat(options.memtableWholeKeyFiltering()).isTrue();
      assertThat(options.memtablePrefixBloomSizeRatio()).isEqualTo(StoreOptions.MEMTABLE_FILTER_RATIO);
    }
  }

  @Test
  void shouldCompressTheFilesOfTheExecutionsAndHistoryStoresWithLz4() {
    for (String store : List.of(StepstreamTopology.EXECUTIONS_STORE, HistoryStore.STORE)) {
      try (Options options = configured(store)) {
        assertThat(options.compressionType()).as(store).isEqualTo(CompressionType.LZ4_COMPRESSION);
      }
    }
  }

  @Test
  void shouldFilterOnlyTheExecutionsStore() {
    try (Options options = configured(HistoryStore.STORE)) {
      assertThat(options.optimizeFiltersForHits()).isTrue();
      assertThat(options.memtableWholeKeyFiltering()).isFalse();
    }
  }

  @Test
  void shouldLeaveTheOtherStoresAsKafkaStreamsBuildsThem() {
    try (Options options = configured(DurableTimers.TIMERS_STORE)) {
      assertThat(options.optimizeFiltersForHits()).isTrue();
      assertThat(options.memtableWholeKeyFiltering()).isFalse();
      assertThat(options.memtablePrefixBloomSizeRatio()).isZero();
      assertThat(options.compressionType()).isEqualTo(CompressionType.NO_COMPRESSION);
    }
  }

  /** Options as Kafka Streams hands them to the setter (last level unfiltered), after the setter. */
  private static Options configured(String store) {
    Options options = new Options().setOptimizeFiltersForHits(true).setCompressionType(CompressionType.NO_COMPRESSION);
    new StoreOptions().setConfig(store, options, Map.of());
    return options;
  }

  @Test
  void shouldBeTheProcessorsConfigSetterUnlessTheStreamsSettingsNameAnother() {
    ProcessorConfig config = ProcessorConfig.defaults("localhost:9092", Path.of("/tmp/state"));

    assertThat(config.streamsProperties())
        .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreOptions.class.getName());
    assertThat(config.withExtra(Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.Mine"))
        .streamsProperties()).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.Mine");
  }

  @Test
  void shouldOpenTheExecutionsAndHistoryStoresWithTheirOptions(@TempDir Path stateDir) throws IOException {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "filters-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreOptions.class.getName());
    try (TopologyTestDriver ignored = new TopologyTestDriver(StepstreamTopology.build(
        ProcessorOptions.defaults(TopicCatalogue.load()), TaskTopics.preProvisioned(), new ProcessorMetrics(),
        new RunningStores()), props)) {
      assertThat(rocksDbOptions(stateDir, StepstreamTopology.EXECUTIONS_STORE))
          .contains("optimize_filters_for_hits=false", "memtable_whole_key_filtering=true",
              "memtable_prefix_bloom_size_ratio=" + StoreOptions.MEMTABLE_FILTER_RATIO, "compression=kLZ4Compression");
      assertThat(rocksDbOptions(stateDir, HistoryStore.STORE)).contains("compression=kLZ4Compression");
      assertThat(rocksDbOptions(stateDir, DurableTimers.TIMERS_STORE))
          .contains("optimize_filters_for_hits=true", "compression=kNoCompression");
    }
  }

  /**
   * The options of the store's own column family, from the OPTIONS file RocksDB wrote when it opened
   * the store's database (which also holds Kafka Streams' "offsets" column family).
   */
  private static String rocksDbOptions(Path stateDir, String store) throws IOException {
    try (Stream<Path> files = Files.walk(stateDir)) {
      Path options = files.filter(f -> f.getFileName().toString().startsWith("OPTIONS-")
              && f.getParent().getFileName().toString().equals(store))
          .findFirst().orElseThrow(() -> new AssertionError("no OPTIONS file for the store " + store));
      String text = Files.readString(options);
      int from = text.indexOf("[CFOptions \"default\"]");
      assertThat(from).as("the default column family's options in %s", options).isNotNegative();
      int to = text.indexOf("\n[", from + 1);
      return to < 0 ? text.substring(from) : text.substring(from, to);
    }
  }
}
