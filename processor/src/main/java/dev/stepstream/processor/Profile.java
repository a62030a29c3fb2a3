package dev.stepstream.processor;

import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The delivery/latency trade-off, chosen by one setting (see docs/performance.md).
 *
 * <ul>
 *   <li>{@link #EXACTLY_ONCE} (default): EOS v2, commit interval 100 ms, producer linger 100 ms
 *       (Kafka Streams' own default) and 64 KiB batches, lz4-compressed output (a 10-state
 *       execution's history shrinks about 4 times, which is what the broker spends its time on at
 *       high throughput);
 *   <li>{@link #LATENCY}: EOS v2 with a 10 ms commit interval, producer linger 10 ms, 64 KiB batches
 *       and lz4, as exactly-once at a tenth of its interval; two stream threads where there are two
 *       cores or more, so one thread processes while the other waits for its commit's producer
 *       flush;
 *   <li>{@link #FAST}: at-least-once, producer linger 5 ms, lz4; each task result and timer is still
 *       applied at most once by the engine's token and timer checks, task requests reach workers at
 *       least once.
 * </ul>
 */
public enum Profile {
  // Linger as long as the commit interval: read_committed readers see nothing before the commit,
  // which flushes what lingers, so a longer linger costs no latency and sends fewer, larger batches
  // (measured: W2's processor CPU per round trip 98-104 -> 82-83 us against linger 5). Batches of
  // 64 KiB instead of 16: each lz4 batch allocates two 64 KiB buffers whatever its size, and the
  // broker's CPU per W1 transition halved (W1 96-103k against 55-87k transitions/s).
  EXACTLY_ONCE(StreamsConfig.EXACTLY_ONCE_V2, 100, 100, "lz4", 64 * 1024),
  // The same reasoning at a 10 ms commit interval. Measured against linger 0, uncompressed, 16 KiB
  // batches: W1 90-112k against 32-36k transitions/s, the broker's CPU per transition 4.4-6.4 us
  // against 22-26; lz4 alone or linger alone gave no steady gain (docs/performance-history.md).
  LATENCY(StreamsConfig.EXACTLY_ONCE_V2, 10, 10, "lz4", 64 * 1024),
  // Linger 5 ms (Kafka 4's default), measured: with linger 0, under load every record was a batch of
  // its own, and each lz4 batch allocates two 64 KiB buffers (63 % of the bench JVM's allocation in W1).
  // Kafka's 16 KiB batches: 64 KiB was measured no better (batches close on the 5 ms, not on size).
  FAST(StreamsConfig.AT_LEAST_ONCE, 100, 5, "lz4", 16 * 1024);

  private final String guarantee;
  private final int commitIntervalMs;
  private final int lingerMs;
  private final String compression;
  private final int batchBytes;

  Profile(String guarantee, int commitIntervalMs, int lingerMs, String compression, int batchBytes) {
    this.guarantee = guarantee;
    this.commitIntervalMs = commitIntervalMs;
    this.lingerMs = lingerMs;
    this.compression = compression;
    this.batchBytes = batchBytes;
  }

  /** Parses {@code exactly-once}, {@code latency} or {@code fast} (case-insensitive). */
  public static Profile parse(String name) {
    for (Profile p : values()) {
      if (p.settingName().equals(name.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown profile '" + name + "': use exactly-once, latency or fast");
  }

  public String settingName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Kafka Streams threads for a machine with {@code cores} processors: one, except under
   * {@link #LATENCY}, whose 10 ms commits park the stream thread in the producer flush about half
   * the time; a second thread overlaps that wait (docs/performance.md).
   */
  public int defaultStreamThreads(int cores) {
    return this == LATENCY && cores >= 2 ? 2 : 1;
  }

  /** {@link #defaultStreamThreads(int)} for this machine. */
  public int defaultStreamThreads() {
    return defaultStreamThreads(Runtime.getRuntime().availableProcessors());
  }

  public boolean exactlyOnce() {
    return StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee);
  }

  void applyTo(Properties props) {
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), lingerMs);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), compression);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), batchBytes);
  }
}
