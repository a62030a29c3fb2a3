package dev.stepstream.bench.harness;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends records as fast as the broker takes them, but never more than {@code maxAhead} beyond what
 * the downstream counter has seen, so a slow system under test is offered load without an unbounded
 * backlog building up (which would turn a throughput test into a catch-up test).
 */
public final class FloodProducer implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final LongFunction<String> key;
  private final LongFunction<byte[]> value;
  private final LongSupplier downstream;
  private final long maxAhead;
  private final AtomicLong sent = new AtomicLong();
  private volatile boolean running = true;
  private final Thread thread;

  public FloodProducer(Map<String, Object> config, String topic, LongFunction<String> key, LongFunction<byte[]> value,
      LongSupplier downstream, long maxAhead) {
    this.producer = new KafkaProducer<>(config);
    this.topic = topic;
    this.key = key;
    this.value = value;
    this.downstream = downstream;
    this.maxAhead = maxAhead;
    this.thread = new Thread(this::loop, "bench-flood-" + topic);
    thread.setDaemon(true);
  }

  public FloodProducer start() {
    thread.start();
    return this;
  }

  public long sent() {
    return sent.get();
  }

  private void loop() {
    while (running) {
      long n = sent.get();
      if (n - downstream.getAsLong() >= maxAhead) {
        Window.pause(1);
        continue;
      }
      producer.send(new ProducerRecord<>(topic, key.apply(n), value.apply(n)));
      sent.incrementAndGet();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (!running) {
      return;
    }
    running = false;
    thread.join(10_000);
    producer.close();
  }
}
