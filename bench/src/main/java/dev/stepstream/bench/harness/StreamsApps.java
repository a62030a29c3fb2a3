package dev.stepstream.bench.harness;

import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** Runs a baseline Kafka Streams topology with exactly the settings of a Stepstream profile. */
public final class StreamsApps {
  private static final int KAFKA_DEFAULT_BATCH_BYTES =
      ((Number) ProducerConfig.configDef().defaultValues().get(ProducerConfig.BATCH_SIZE_CONFIG)).intValue();

  private StreamsApps() {}

  /** The profile's guarantee, commit interval, producer linger, batch size and compression, as the processor applies them. */
  public static Properties properties(String bootstrap, String applicationId, Path stateDir, Profile profile,
      int threads) {
    Properties fromProcessor = ProcessorConfig.defaults(bootstrap, stateDir).withProfile(profile).streamsProperties();
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    for (String key : new String[] {StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG),
        StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG),
        StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG)}) {
      p.put(key, fromProcessor.get(key));
    }
    return p;
  }

  /** Starts the topology and waits until it is RUNNING. */
  public static KafkaStreams start(Topology topology, Properties properties) {
    KafkaStreams streams = new KafkaStreams(topology, properties);
    CountDownLatch running = new CountDownLatch(1);
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        running.countDown();
      }
    });
    streams.start();
    try {
      if (!running.await(60, TimeUnit.SECONDS)) {
        streams.close(Duration.ofSeconds(10));
        throw new IllegalStateException("baseline Streams app did not reach RUNNING in 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return streams;
  }

  /** A short description of a profile's Kafka settings, e.g. {@code EOS v2 c=10 linger 10} (batch size when not 16 KiB). */
  public static String describe(Profile profile) {
    Properties p = ProcessorConfig.defaults("x", Path.of(".")).withProfile(profile).streamsProperties();
    String guarantee = profile.exactlyOnce() ? "EOS v2" : "at-least-once";
    Object compression = p.get(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG));
    int batchBytes = Integer.parseInt(String.valueOf(p.get(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG))));
    return guarantee + " c=" + p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG) + " linger "
        + p.get(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG))
        + (batchBytes == KAFKA_DEFAULT_BATCH_BYTES ? "" : " b=" + batchBytes / 1024 + "k")
        + ("none".equals(compression) ? "" : " " + compression);
  }

  public static int linger(Profile profile) {
    Properties p = ProcessorConfig.defaults("x", Path.of(".")).withProfile(profile).streamsProperties();
    return Integer.parseInt(String.valueOf(p.get(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG))));
  }
}
