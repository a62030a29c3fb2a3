package dev.stepstream.bench.harness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A consumer thread on some topics that counts the records a filter accepts (the filter may also
 * act on them, e.g. complete a latency probe).
 */
public final class TopicTap implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final BiPredicate<String, byte[]> accept;
  private final AtomicLong counted = new AtomicLong();
  private volatile boolean running = true;
  private final Thread thread;

  public TopicTap(Map<String, Object> config, List<String> topics, BiPredicate<String, byte[]> accept) {
    this.consumer = new KafkaConsumer<>(config);
    this.accept = accept;
    consumer.subscribe(topics);
    this.thread = new Thread(this::loop, "bench-tap-" + topics.get(0));
    thread.setDaemon(true);
  }

  public static TopicTap counting(Map<String, Object> config, String topic) {
    return new TopicTap(config, List.of(topic), (k, v) -> true);
  }

  public TopicTap start() {
    thread.start();
    return this;
  }

  public long counted() {
    return counted.get();
  }

  private void loop() {
    try {
      while (running) {
        long accepted = 0;
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          if (accept.test(r.key(), r.value())) {
            accepted++;
          }
        }
        counted.addAndGet(accepted);
      }
    } catch (org.apache.kafka.common.errors.WakeupException closing) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
