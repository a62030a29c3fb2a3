package dev.stepstream.worker.internal;

import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.WireVersions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes result and heartbeat records to the task-results topic, keyed by execution ARN. */
final class ResultSender {
  private static final Logger LOG = LoggerFactory.getLogger(ResultSender.class);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final WorkerCounters counters;
  private final Executor resendNow;
  private final Executor retryLater;

  ResultSender(Producer<String, byte[]> producer, String topic, WorkerCounters counters) {
    this(producer, topic, counters, ForkJoinPool.commonPool(),
        CompletableFuture.delayedExecutor(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS));
  }

  /**
   * @param resendNow sends the failure that replaces an output too large for a record: not on the
   *     producer's I/O thread, whose callback learns of it, as a send there could wait for buffer
   *     memory that only that thread frees
   * @param retryLater sends a result again after its send failed (after a pause, by default)
   */
  ResultSender(Producer<String, byte[]> producer, String topic, WorkerCounters counters, Executor resendNow,
      Executor retryLater) {
    this.producer = producer;
    this.topic = topic;
    this.counters = counters;
    this.resendNow = resendNow;
    this.retryLater = retryLater;
  }

  /**
   * Sends a result without waiting for the broker: {@code done} runs once, with true when the broker
   * acknowledged it (or the failure sent in its place), or with false when {@code giveUp} stopped
   * the retries. A send that fails is retried after a pause on another thread, so the calling thread
   * never blocks (blocking each handler thread on its acknowledgement cost a park and an unpark per
   * task). {@code done} runs on the producer's I/O thread, the retrying thread or the caller's.
   *
   * @param traceparent the task's trace, written back as the result's {@code traceparent} header (null: none)
   * @param done runs at most once, whatever the producer does
   * @throws RuntimeException when the result cannot be encoded; {@code done} does not run then
   */
  void send(TaskOutcome result, BooleanSupplier giveUp, String traceparent, Consumer<Boolean> done) {
    AtomicBoolean reported = new AtomicBoolean();
    Consumer<Boolean> once = sent -> {
      if (reported.compareAndSet(false, true)) {
        done.accept(sent);
      }
    };
    attempt(new Delivery(result, result.encode(), traceparent, giveUp, once));
  }

  /** One result on its way: what is sent, when to stop trying, and whom to tell. */
  private record Delivery(
      TaskOutcome outcome, byte[] value, String traceparent, BooleanSupplier giveUp, Consumer<Boolean> done) {
    Delivery instead(TaskOutcome substitute) {
      return new Delivery(substitute, substitute.encode(), traceparent, giveUp, done);
    }
  }

  private void attempt(Delivery delivery) {
    if (delivery.giveUp().getAsBoolean()) {
      delivery.done().accept(false);
      return;
    }
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, delivery.outcome().executionArn(), delivery.value());
    try {
      producer.send(TaskTracing.withTraceparent(record, delivery.traceparent()),
          (metadata, error) -> completed(delivery, error));
    } catch (RuntimeException e) {
      completed(delivery, e);
    }
  }

  private void completed(Delivery delivery, Exception error) {
    if (error == null) {
      count(delivery.outcome());
      delivery.done().accept(true);
      return;
    }
    try {
      TaskOutcome next = onFailure(delivery.outcome(), error);
      if (next != delivery.outcome()) {
        Delivery substitute = delivery.instead(next);
        resendNow.execute(() -> attempt(substitute));
        return;
      }
      retryLater.execute(() -> attempt(delivery));
    } catch (RuntimeException e) {
      // Whatever goes wrong here (a retry refused because the worker stops, a failure that cannot
      // be encoded) must still free the task's slot; its request is delivered again.
      LOG.warn("Result for task {} was not sent; the task will be delivered again: {}",
          delivery.outcome().taskToken(), e.toString());
      delivery.done().accept(false);
    }
  }

  /** Sends a heartbeat without waiting; a heartbeat that cannot be sent is logged. */
  void heartbeat(TaskHeartbeat heartbeat, String traceparent) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, heartbeat.executionArn(), ResultWriter.heartbeat(heartbeat));
    producer.send(TaskTracing.withTraceparent(record, traceparent), (metadata, error) -> {
      if (error == null) {
        counters.heartbeats.increment();
      } else {
        LOG.warn("Heartbeat for task {} was not sent: {}", heartbeat.taskToken(), error.toString());
      }
    });
  }

  /** What to send next after {@code failed} could not be sent. */
  private TaskOutcome onFailure(TaskOutcome failed, Throwable error) {
    if (error instanceof RecordTooLargeException && failed instanceof TaskOutcome.Succeeded) {
      // The output does not fit in a record; tell the engine instead of retrying forever.
      return new TaskOutcome.Failed(new TaskFailed(WireVersions.CURRENT, failed.executionArn(), failed.taskToken(),
          "States.DataLimitExceeded",
          "The task result is larger than the Kafka record size limit: " + error.getMessage()));
    }
    LOG.warn("Result for task {} was not sent, retrying: {}", failed.taskToken(), error.toString());
    return failed;
  }

  private void count(TaskOutcome sent) {
    if (sent instanceof TaskOutcome.Failed) {
      counters.failed.increment();
    } else {
      counters.succeeded.increment();
    }
  }
}
