package dev.stepstream.processor.integrations;

import dev.stepstream.engine.task.NestedExecutions;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import dev.stepstream.wire.WireVersions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs task requests in one Kafka transaction: the target records, then (once the broker placed
 * them) the task results, then the consumed offsets. A request is thus served exactly once: after a
 * crash the transaction is aborted and the request, whose offset was not committed, runs again.
 * Calls that leave Kafka (HTTP) are made before the transaction and are therefore at least once.
 */
final class IntegrationBatch {
  private static final Logger LOG = LoggerFactory.getLogger(IntegrationBatch.class);
  private static final int MAX_CAUSE = 32_768;

  private final BuiltInIntegrations integrations;
  private final Call.TargetTopics topics;
  private final String resultsTopic;

  IntegrationBatch(BuiltInIntegrations integrations, Call.TargetTopics topics, String resultsTopic) {
    this.integrations = integrations;
    this.topics = topics;
    this.resultsTopic = resultsTopic;
  }

  /** Prepares and commits the records in one transaction; throws KafkaException after aborting it. */
  void run(List<ConsumerRecord<String, byte[]>> records, Producer<String, byte[]> producer,
      Consumer<String, byte[]> consumer) {
    commit(prepare(records), producer, consumer);
  }

  /**
   * Makes every call of the records, outside any transaction (an HTTP call cannot be undone by an
   * abort), and waits for all of them; a call that fails becomes a failed plan. A Kafka error while
   * planning (creating a target topic) is kept and fails the commit, as a failed send does.
   */
  List<Prepared> prepare(List<ConsumerRecord<String, byte[]>> records) {
    List<TaskRequest> requests = new ArrayList<>();
    List<CompletableFuture<Plan>> calls = new ArrayList<>();
    List<KafkaException> errors = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      TaskRequest request = decode(record);
      requests.add(request);
      KafkaException error = null;
      CompletableFuture<Plan> call = CompletableFuture.completedFuture(null);
      try {
        if (request != null) {
          call = integrations.start(request, System.currentTimeMillis(), () -> UUID.randomUUID().toString(), topics);
        }
      } catch (KafkaException e) {
        error = e;
      }
      calls.add(call);
      errors.add(error);
    }
    List<Prepared> prepared = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      prepared.add(new Prepared(records.get(i), requests.get(i), calls.get(i).join(), errors.get(i)));
    }
    return prepared;
  }

  /**
   * Writes the prepared calls in one transaction: the target records, then (once the broker placed
   * them) the task results, then the consumed offsets. Throws KafkaException after aborting it.
   */
  void commit(List<Prepared> prepared, Producer<String, byte[]> producer, Consumer<String, byte[]> consumer) {
    producer.beginTransaction();
    try {
      List<Pending> pending = new ArrayList<>();
      for (Prepared p : prepared) {
        if (p.error() != null) {
          throw p.error();
        }
        if (p.plan() != null) {
          pending.add(new Pending(p.request(), p.plan(),
              p.plan().records().stream().map(o -> producer.send(toRecord(o))).toList()));
        }
      }
      producer.flush();
      for (Pending p : pending) {
        sendResult(producer, p.request(), p.outcome());
      }
      producer.sendOffsetsToTransaction(nextOffsets(prepared.stream().map(Prepared::record).toList()),
          consumer.groupMetadata());
      producer.commitTransaction();
    } catch (RuntimeException e) {
      abort(producer);
      throw e;
    }
  }

  /**
   * A consumed request with its call made; request and plan are null when it could not be decoded,
   * plan is null and error set when planning threw a Kafka error.
   */
  record Prepared(ConsumerRecord<String, byte[]> record, TaskRequest request, Plan plan, KafkaException error) {}

  /** After {@link #run} failed for this one record: fail its Task with the Kafka error instead. */
  void fail(ConsumerRecord<String, byte[]> record, KafkaException error, Producer<String, byte[]> producer,
      Consumer<String, byte[]> consumer) {
    producer.beginTransaction();
    try {
      TaskRequest request = decode(record);
      if (request != null) {
        // A plain KafkaException only wraps the real one (as a failed send's future reports it).
        Throwable cause = error.getClass() == KafkaException.class && error.getCause() != null ? error.getCause() : error;
        sendResult(producer, request, new Outcome.Failed("Kafka." + cause.getClass().getSimpleName(),
            String.valueOf(cause.getMessage())));
      }
      producer.sendOffsetsToTransaction(nextOffsets(List.of(record)), consumer.groupMetadata());
      producer.commitTransaction();
    } catch (KafkaException e) {
      abort(producer);
      throw e;
    }
  }

  private void sendResult(Producer<String, byte[]> producer, TaskRequest request, Outcome outcome) {
    WireRecord result;
    if (outcome instanceof Outcome.Failed failed) {
      String cause = failed.cause() == null || failed.cause().length() <= MAX_CAUSE ? failed.cause()
          : failed.cause().substring(0, MAX_CAUSE);
      result = new TaskFailed(WireVersions.CURRENT, request.executionArn(), request.taskToken(), failed.error(), cause);
    } else if (!answeredLater(request)) {
      result = new TaskSucceeded(WireVersions.CURRENT, request.executionArn(), request.taskToken(),
          ((Outcome.Succeeded) outcome).output());
    } else {
      // .waitForTaskToken: whoever holds the token completes the Task; states:startExecution: the
      // processor that takes the child's start (request-response) or the child when it ends (.sync)
      return;
    }
    producer.send(new ProducerRecord<>(resultsTopic, request.executionArn(), WireJson.encode(result)));
  }

  private static boolean answeredLater(TaskRequest request) {
    String resource = request.resource();
    return resource.endsWith(".waitForTaskToken") || resource.endsWith(".sync") || resource.endsWith(".sync:2")
        || request.taskName().equals(BuiltInIntegrations.taskName(NestedExecutions.START_EXECUTION));
  }

  private static TaskRequest decode(ConsumerRecord<String, byte[]> record) {
    try {
      return WireJson.decode(record.value(), TaskRequest.class);
    } catch (WireFormatException e) {
      LOG.warn("Skipping an undecodable task request at {}-{}@{}: {}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
      return null;
    }
  }

  private static ProducerRecord<String, byte[]> toRecord(Outgoing o) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(o.topic(), o.key(), o.value());
    o.headers().forEach(h -> record.headers().add(h.name(), h.value().getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, byte[]>> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      offsets.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
          (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    return offsets;
  }

  private static void abort(Producer<String, byte[]> producer) {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      LOG.debug("Could not abort the integration transaction: {}", e.toString());
    }
  }

  private record Pending(TaskRequest request, Plan plan, List<Future<RecordMetadata>> sends) {
    Outcome outcome() {
      List<Written> written = new ArrayList<>();
      for (Future<RecordMetadata> send : sends) {
        try {
          RecordMetadata m = send.get();
          written.add(new Written(m.topic(), m.partition(), m.offset(), m.timestamp()));
        } catch (ExecutionException e) {
          throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new KafkaException("interrupted while waiting for a send", e);
        }
      }
      return plan.outcomeOf(written);
    }
  }
}
