package dev.stepstream.bench.baseline;

import dev.stepstream.bench.harness.BenchKafka;
import dev.stepstream.bench.harness.FloodProducer;
import dev.stepstream.bench.harness.Sample;
import dev.stepstream.bench.harness.StreamsApps;
import dev.stepstream.bench.harness.TopicTap;
import dev.stepstream.bench.harness.Window;
import dev.stepstream.processor.Profile;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * B1 (pass-through: source to sink) and B2 (stateful: store get and put of a 1 KiB value per
 * record, then forward) on Kafka Streams with a profile's settings; output records per second.
 */
public final class StreamsPipe {
  private static final String STORE = "state";

  private StreamsPipe() {}

  public static Sample passThrough(BenchKafka kafka, Window window, Profile settings, int threads)
      throws InterruptedException {
    return run(kafka, window, settings, threads, false, "B1 pass-through " + StreamsApps.describe(settings));
  }

  public static Sample stateful(BenchKafka kafka, Window window, Profile settings, int threads)
      throws InterruptedException {
    return run(kafka, window, settings, threads, true, "B2 stateful " + StreamsApps.describe(settings));
  }

  private static Sample run(BenchKafka kafka, Window window, Profile settings, int threads, boolean stateful,
      String label) throws InterruptedException {
    String prefix = kafka.scenarioPrefix(stateful ? "b2" : "b1");
    String in = prefix + "in";
    String out = prefix + "out";
    kafka.createTopics(List.of(in, out));
    Topology topology = new Topology();
    topology.addSource("in", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), in);
    if (stateful) {
      topology.addProcessor("state", () -> new GetPutProcessor(STORE, r -> null), "in");
      topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
          Serdes.ByteArray()), "state");
    }
    topology.addSink("out", out, Serdes.String().serializer(), Serdes.ByteArray().serializer(),
        stateful ? "state" : "in");
    byte[] value = Payloads.message();
    KafkaStreams streams = StreamsApps.start(topology,
        StreamsApps.properties(kafka.bootstrapServers(), prefix + "app", kafka.stateDir(prefix + "app"), settings,
            threads));
    try (TopicTap tap = TopicTap.counting(kafka.consumer(prefix + "reader"), out).start();
         FloodProducer feed = new FloodProducer(kafka.producer(5), in, n -> "k" + (n % 10_000), n -> value,
             tap::counted, 200_000).start()) {
      return window.run(label, "records/s", tap::counted);
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
  }
}
