package dev.stepstream.bench.baseline;

import dev.stepstream.bench.harness.BenchKafka;
import dev.stepstream.bench.harness.LatencyProbes;
import dev.stepstream.bench.harness.OpenLoopScheduler;
import dev.stepstream.bench.harness.Sample;
import dev.stepstream.bench.harness.StreamsApps;
import dev.stepstream.bench.harness.TopicTap;
import dev.stepstream.bench.harness.Window;
import dev.stepstream.processor.Profile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * B3: the shape of a Task step without the engine. A Streams app (store get and put of 1 KiB per
 * record) sends each request to an echo client (read_committed consumer plus producer, set up as
 * the worker SDK sets itself up), whose reply comes back to the app. Closed loop: 1,000 keys
 * bouncing, round trips per second. Open loop: probes at a fixed rate go app, echo, app, out,
 * timed from their scheduled send — the shape of a one-Task execution.
 */
public final class PingPong implements AutoCloseable {
  static final byte BOUNCE = 'B';
  static final byte START = 'S';
  static final byte REPLY = 'R';
  private static final String STORE = "state";
  public static final int KEYS_IN_FLIGHT = 1_000;

  private final BenchKafka kafka;
  private final String in;
  private final String label;
  private final KafkaStreams streams;
  private final EchoClient echo;
  private final KafkaProducer<String, byte[]> injector;
  private final String outTopic;

  public PingPong(BenchKafka kafka, Profile settings, int threads) {
    this.kafka = kafka;
    String prefix = kafka.scenarioPrefix("b3");
    this.in = prefix + "in";
    String requests = prefix + "req";
    String out = prefix + "out";
    this.label = "B3 ping-pong " + StreamsApps.describe(settings);
    kafka.createTopics(List.of(in, requests, out));
    this.streams = StreamsApps.start(topology(in, requests, out), StreamsApps.properties(kafka.bootstrapServers(),
        prefix + "app", kafka.stateDir(prefix + "app"), settings, threads));
    this.echo = new EchoClient(kafka, requests, in, prefix + "echo").start();
    this.injector = new KafkaProducer<>(kafka.producer(0));
    this.outTopic = out;
  }

  public String label() {
    return label;
  }

  /** Round trips per second with {@link #KEYS_IN_FLIGHT} keys bouncing. */
  public Sample roundTrips(Window window) {
    byte[] value = Payloads.message();
    value[0] = BOUNCE;
    for (int i = 0; i < KEYS_IN_FLIGHT; i++) {
      injector.send(new ProducerRecord<>(in, "k-" + i, value));
    }
    injector.flush();
    Sample sample = window.run(label + " closed", "round trips/s", echo::bounces);
    echo.stopBouncing();
    return sample;
  }

  /** End-to-end latency of probes sent at {@code ratePerSecond}. */
  public Sample latency(Window window, double ratePerSecond) throws InterruptedException {
    LatencyProbes probes = new LatencyProbes(System::nanoTime);
    AtomicLong ids = new AtomicLong();
    byte[] value = Payloads.message();
    value[0] = START;
    try (TopicTap done = new TopicTap(kafka.consumer(outTopic + "-reader"), List.of(outTopic), (key, v) -> {
          probes.completed(Long.parseLong(key.substring(2)));
          return true;
        }).start();
         OpenLoopScheduler scheduler = new OpenLoopScheduler(ratePerSecond, scheduled -> {
           long id = ids.incrementAndGet();
           probes.scheduled(id, scheduled);
           injector.send(new ProducerRecord<>(in, "p-" + id, value));
         }, System::nanoTime).startThread("bench-b3-probes")) {
      return window.run(label + " @" + (int) ratePerSecond + "/s", "round trips/s", done::counted, probes);
    }
  }

  private static Topology topology(String in, String requests, String out) {
    Topology topology = new Topology();
    topology.addSource("source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), in);
    topology.addProcessor("app", () -> new GetPutProcessor(STORE, r -> r.value()[0] == REPLY ? "out" : "req"), "source");
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
        Serdes.ByteArray()), "app");
    topology.addSink("req", requests, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "app");
    topology.addSink("out", out, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "app");
    return topology;
  }

  @Override
  public void close() throws InterruptedException {
    echo.close();
    injector.close();
    streams.close(Duration.ofSeconds(30));
  }
}
