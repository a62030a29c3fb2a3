package dev.stepstream.bench.baseline;

import dev.stepstream.bench.harness.BenchKafka;
import dev.stepstream.bench.harness.FloodProducer;
import dev.stepstream.bench.harness.Sample;
import dev.stepstream.bench.harness.TopicTap;
import dev.stepstream.bench.harness.Window;
import java.util.List;

/** B0: a plain producer into a topic and a read_committed consumer out of it; records per second. */
public final class RawPipe {
  private RawPipe() {}

  public static Sample run(BenchKafka kafka, Window window) throws InterruptedException {
    String topic = kafka.scenarioPrefix("b0") + "pipe";
    kafka.createTopics(List.of(topic));
    byte[] value = Payloads.message();
    try (TopicTap out = TopicTap.counting(kafka.consumer(topic + "-reader"), topic).start();
         FloodProducer in = new FloodProducer(kafka.producer(5), topic, n -> "k" + (n % 10_000), n -> value,
             out::counted, 200_000).start()) {
      return window.run("B0 raw producer->consumer", "records/s", out::counted);
    }
  }
}
