package dev.stepstream.worker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.WorkerMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Results are sent without blocking the handler thread; the outcome arrives through a callback. */
class ResultSenderTest {
  private static final String TOPIC = "stepstream.task-results";
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Flow:run-1";

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
  private final WorkerCounters counters = new WorkerCounters();
  private final List<Runnable> retries = new ArrayList<>();
  private final List<Boolean> outcomes = new ArrayList<>();
  private final ResultSender sender = new ResultSender(producer, TOPIC, counters, Runnable::run, retries::add);

  @Test
  void shouldReturnBeforeTheBrokerAcknowledgesAndReportOnceItDoes() {
    TaskOutcome result = succeeded();

    sender.send(result, () -> false, null, outcomes::add);

    assertThat(outcomes).isEmpty();
    assertThat(producer.history()).singleElement().satisfies(record -> {
      assertThat(record.key()).isEqualTo(ARN);
      assertThat(record.value()).isEqualTo(result.encode());
    });
    assertThat(producer.completeNext()).isTrue();
    assertThat(outcomes).containsExactly(true);
    assertThat(counters.snapshot()).isEqualTo(new WorkerMetrics(1, 0, 0, 0, 0));
  }

  @Test
  void shouldRetryAFailedSendLaterUntilTheBrokerAcknowledgesIt() {
    sender.send(succeeded(), () -> false, null, outcomes::add);
    producer.errorNext(new TimeoutException("broker away"));

    assertThat(outcomes).isEmpty();
    assertThat(retries).hasSize(1);
    retries.remove(0).run();
    assertThat(producer.history()).hasSize(2);
    producer.completeNext();
    assertThat(outcomes).containsExactly(true);
    assertThat(counters.snapshot().succeeded()).isEqualTo(1);
  }

  @Test
  void shouldSendAStatesDataLimitExceededFailureAtOnceAndOffTheCallbackWhenTheOutputIsTooLargeForARecord() {
    List<Runnable> resends = new ArrayList<>();
    ResultSender sender = new ResultSender(producer, TOPIC, counters, resends::add, retries::add);
    sender.send(succeeded(), () -> false, null, outcomes::add);
    producer.errorNext(new RecordTooLargeException("too large"));

    assertThat(retries).isEmpty();
    assertThat(producer.history()).hasSize(1);
    resends.remove(0).run();
    assertThat(producer.history()).hasSize(2);
    TaskFailed failure = WireJson.decode(producer.history().get(1).value(), TaskFailed.class);
    assertThat(failure.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(failure.taskToken()).isEqualTo("token-1");
    producer.completeNext();
    assertThat(outcomes).containsExactly(true);
    assertThat(counters.snapshot()).isEqualTo(new WorkerMetrics(0, 1, 0, 0, 0));
  }

  @Test
  void shouldStopRetryingAndReportNotSentOnceToldToGiveUp() {
    AtomicBoolean giveUp = new AtomicBoolean();
    sender.send(succeeded(), giveUp::get, null, outcomes::add);
    producer.errorNext(new TimeoutException("broker away"));

    giveUp.set(true);
    retries.remove(0).run();

    assertThat(outcomes).containsExactly(false);
    assertThat(producer.history()).hasSize(1);
    assertThat(counters.snapshot().succeeded()).isZero();
  }

  @Test
  void shouldReportNotSentWhenARetryCannotBeScheduledBecauseTheWorkerStops() {
    ResultSender stopping = new ResultSender(producer, TOPIC, counters, Runnable::run, retry -> {
      throw new RejectedExecutionException("stopped");
    });

    stopping.send(succeeded(), () -> false, null, outcomes::add);
    producer.errorNext(new TimeoutException("broker away"));

    assertThat(outcomes).containsExactly(false);
  }

  @Test
  void shouldTreatASendThatThrowsLikeOneThatFailed() {
    producer.close();

    sender.send(succeeded(), () -> false, null, outcomes::add);

    assertThat(outcomes).isEmpty();
    assertThat(retries).hasSize(1);
  }

  private static TaskOutcome succeeded() {
    return new TaskOutcome.Succeeded(ARN, "token-1", JsonNodeFactory.instance.objectNode().put("ok", true), null);
  }
}
