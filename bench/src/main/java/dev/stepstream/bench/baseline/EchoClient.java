package dev.stepstream.bench.baseline;

import dev.stepstream.bench.harness.BenchKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The echo side of B3: a read_committed consumer and an idempotent, linger-0 producer (the worker
 * SDK's settings) that answers every request at once and commits offsets after the answers are sent.
 */
final class EchoClient implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final String replies;
  private final AtomicLong bounces = new AtomicLong();
  private volatile boolean bouncing = true;
  private volatile boolean running = true;
  private final Thread thread;

  EchoClient(BenchKafka kafka, String requests, String replies, String group) {
    this.consumer = new KafkaConsumer<>(kafka.consumer(group));
    this.producer = new KafkaProducer<>(kafka.producer(0));
    this.replies = replies;
    consumer.subscribe(List.of(requests));
    this.thread = new Thread(this::loop, "bench-echo");
    thread.setDaemon(true);
  }

  EchoClient start() {
    thread.start();
    return this;
  }

  long bounces() {
    return bounces.get();
  }

  void stopBouncing() {
    bouncing = false;
  }

  private void loop() {
    try {
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
        if (records.isEmpty()) {
          continue;
        }
        long answered = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
          byte phase = r.value()[0];
          if (phase == PingPong.BOUNCE && !bouncing) {
            continue;
          }
          byte[] reply = r.value().clone();
          reply[0] = phase == PingPong.START ? PingPong.REPLY : phase;
          producer.send(new ProducerRecord<>(replies, r.key(), reply));
          answered += phase == PingPong.BOUNCE ? 1 : 0;
        }
        bounces.addAndGet(answered);
        Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
        for (TopicPartition tp : records.partitions()) {
          List<ConsumerRecord<String, byte[]>> part = records.records(tp);
          offsets.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
        }
        consumer.commitAsync(offsets, null);
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
    producer.close(Duration.ofSeconds(10));
  }
}
