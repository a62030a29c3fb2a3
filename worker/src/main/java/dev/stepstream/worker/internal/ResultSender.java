package dev.stepstream.worker.internal;

import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.WireVersions;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
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

  ResultSender(Producer<String, byte[]> producer, String topic, WorkerCounters counters) {
    this.producer = producer;
    this.topic = topic;
    this.counters = counters;
  }

  /**
   * Sends a result and waits for the broker to acknowledge it, retrying until it is acknowledged or
   * {@code giveUp} says to stop.
   *
   * @param traceparent the task's trace, written back as the result's {@code traceparent} header (null: none)
   * @return true when the result was acknowledged
   */
  boolean sendAndWait(TaskOutcome result, BooleanSupplier giveUp, String traceparent) throws InterruptedException {
    TaskOutcome toSend = result;
    byte[] value = toSend.encode();
    while (!giveUp.getAsBoolean()) {
      Throwable error = trySend(toSend.executionArn(), value, traceparent);
      if (error == null) {
        count(toSend);
        return true;
      }
      TaskOutcome next = onFailure(toSend, error);
      if (next == toSend) {
        Thread.sleep(RETRY_PAUSE.toMillis());
      } else {
        value = next.encode();
      }
      toSend = next;
    }
    return false;
  }

  private Throwable trySend(String executionArn, byte[] value, String traceparent) throws InterruptedException {
    try {
      producer.send(TaskTracing.withTraceparent(new ProducerRecord<>(topic, executionArn, value), traceparent)).get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (RuntimeException e) {
      return e;
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
