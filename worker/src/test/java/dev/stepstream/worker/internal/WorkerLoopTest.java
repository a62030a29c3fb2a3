package dev.stepstream.worker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskRequestWriter;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TraceContext;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.LazyTaskHandler;
import dev.stepstream.worker.TaskFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The real poll loop and handler threads on a MockConsumer and a MockProducer. */
class WorkerLoopTest {
  private static final String TOPIC = "stepstream.tasks.Echo";
  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final WorkerCounters counters = new WorkerCounters();

  @Test
  void shouldAnswerEachRequestWithTheBytesOfTheRecordSerialiserAndCommitPastIt() throws Exception {
    List<TaskRequest> requests = List.of(WorkerCpuProbe.request(1), WorkerCpuProbe.request(2), WorkerCpuProbe.request(3));
    LazyTaskHandler handler = (input, ctx) -> switch (ctx.stateName()) {
      case "S1" -> input;
      case "S2" -> input.tree();
      default -> throw new TaskFailure("Echo.Refused", "state " + ctx.stateName());
    };

    GeneratingConsumer consumer = run(handler, requests, 3);

    List<ProducerRecord<String, byte[]>> sent = producer.history();
    Map<String, byte[]> byKey = sent.stream().collect(Collectors.toMap(ProducerRecord::key, ProducerRecord::value));
    assertThat(byKey.get(requests.get(0).executionArn()))
        .isEqualTo(WireJson.encode(succeeded(requests.get(0), requests.get(0).input())));
    assertThat(byKey.get(requests.get(1).executionArn()))
        .isEqualTo(WireJson.encode(succeeded(requests.get(1), requests.get(1).input())));
    assertThat(byKey.get(requests.get(2).executionArn())).isEqualTo(WireJson.encode(new TaskFailed(1,
        requests.get(2).executionArn(), requests.get(2).taskToken(), "Echo.Refused", "state S3")));
    assertThat(sent).allSatisfy(record -> assertThat(new String(record.headers().lastHeader(TraceContext.HEADER).value(),
        StandardCharsets.UTF_8)).isEqualTo(TRACEPARENT));
    assertThat(counters.snapshot()).isEqualTo(new dev.stepstream.worker.WorkerMetrics(2, 1, 0, 0, 0));
    assertThat(consumer.committedWhenClosed()).hasSize(3).allSatisfy(
        (partition, position) -> assertThat(position.offset()).isEqualTo(1));
  }

  @Test
  void shouldSkipARecordThatIsNotATaskRequestAndSendHeartbeatsOfDeferredTasks() throws Exception {
    LazyTaskHandler handler = (input, ctx) -> {
      ctx.heartbeat();
      return ctx.doNotComplete();
    };

    run(handler, List.of(WorkerCpuProbe.request(1)), 1, "not a task request".getBytes(StandardCharsets.UTF_8));

    assertThat(producer.history()).hasSize(1);
    assertThat(WireJson.mapper().readTree(producer.history().get(0).value()).get("type").asText())
        .isEqualTo("TaskHeartbeat");
    assertThat(counters.snapshot().deferred()).isEqualTo(1);
    assertThat(counters.snapshot().skipped()).isEqualTo(1);
  }

  @Test
  void shouldCommitFinishedTasksAtMostOncePerCommitIntervalAndEverythingWhenStopping() throws Exception {
    List<TaskRequest> requests = requests(30);
    long frozen = 42L;

    GeneratingConsumer consumer = run((input, ctx) -> input, requests, requests.size(), Duration.ofHours(1), () -> frozen);

    assertThat(consumer.asyncCommits()).isEqualTo(1);
    assertThat(consumer.committedWhenClosed()).hasSize(30).allSatisfy(
        (partition, position) -> assertThat(position.offset()).isEqualTo(1));
  }

  @Test
  void shouldCommitAgainOnceTheCommitIntervalHasPassed() throws Exception {
    List<TaskRequest> requests = requests(30);
    AtomicLong clock = new AtomicLong();
    LazyTaskHandler handler = (input, ctx) -> {
      clock.addAndGet(Duration.ofSeconds(1).toNanos());
      return input;
    };

    GeneratingConsumer consumer = run(handler, requests, requests.size(), Duration.ofMillis(500), clock::get);

    assertThat(consumer.asyncCommits()).isGreaterThan(1);
  }

  @Test
  void shouldFreeTheHandlerThreadAtOnceButHoldTheTasksSlotUntilItsResultIsAcknowledged() throws Exception {
    MockProducer<String, byte[]> acknowledging = new MockProducer<>(false, null, new StringSerializer(),
        new ByteArraySerializer());
    List<TaskRequest> requests = requests(3);
    GeneratingConsumer consumer = consumerOf(1, requests);
    // Two slots and one handler thread: the thread runs a second task while the first result is
    // unacknowledged, and the third task waits for a slot.
    WorkerLoop loop = new WorkerLoop(settings(Duration.ZERO), () -> { }, (input, ctx) -> input, consumer,
        new ResultSender(acknowledging, "stepstream.task-results", counters), Executors.newFixedThreadPool(1),
        counters, System::nanoTime);
    Thread poll = new Thread(loop, "worker-loop-test");
    poll.start();
    consumer.allow(requests.size());

    Eventually.await(Duration.ofSeconds(30), () -> assertThat(acknowledging.history()).hasSize(2));
    Thread.sleep(200);
    assertThat(acknowledging.history()).hasSize(2);
    assertThat(acknowledging.completeNext()).isTrue();
    Eventually.await(Duration.ofSeconds(30), () -> assertThat(acknowledging.history()).hasSize(3));
    while (acknowledging.completeNext()) {
      // acknowledge the rest
    }
    Eventually.await(Duration.ofSeconds(30), () -> assertThat(counters.snapshot().succeeded()).isEqualTo(3));
    loop.stop();
    poll.join(30_000);

    assertThat(consumer.committedWhenClosed()).hasSize(3).allSatisfy(
        (partition, position) -> assertThat(position.offset()).isEqualTo(1));
  }

  private static List<TaskRequest> requests(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(WorkerCpuProbe::request).toList();
  }

  private static TaskSucceeded succeeded(TaskRequest request, JsonNode output) {
    return new TaskSucceeded(1, request.executionArn(), request.taskToken(), output, null);
  }

  private GeneratingConsumer run(LazyTaskHandler handler, List<TaskRequest> requests, int expectedResults,
      byte[]... extraRecords) throws Exception {
    return run(handler, requests, expectedResults, Duration.ZERO, System::nanoTime, extraRecords);
  }

  private GeneratingConsumer run(LazyTaskHandler handler, List<TaskRequest> requests, int expectedResults,
      Duration commitInterval, LongSupplier nanoClock, byte[]... extraRecords) throws Exception {
    int total = requests.size() + extraRecords.length;
    GeneratingConsumer consumer = consumerOf(10, requests, extraRecords);
    WorkerSettings settings = settings(commitInterval);
    WorkerLoop loop = new WorkerLoop(settings, () -> { }, handler, consumer,
        new ResultSender(producer, settings.resultsTopic(), counters), Executors.newFixedThreadPool(2), counters,
        nanoClock);
    Thread poll = new Thread(loop, "worker-loop-test");
    poll.start();
    consumer.allow(total);
    Eventually.await(Duration.ofSeconds(30), () -> {
      assertThat(producer.history()).hasSize(expectedResults);
      assertThat(counters.snapshot().completed() + counters.snapshot().deferred() + counters.snapshot().skipped())
          .isEqualTo(total);
    });
    consumer.awaitIdleCpu(total);
    loop.stop();
    poll.join(30_000);
    return consumer;
  }

  private static GeneratingConsumer consumerOf(int perPoll, List<TaskRequest> requests, byte[]... extraRecords) {
    int total = requests.size() + extraRecords.length;
    return new GeneratingConsumer(TOPIC, total, perPoll, n -> {
      byte[] value = n < requests.size() ? TaskRequestWriter.encode(requests.get((int) n))
          : extraRecords[(int) n - requests.size()];
      RecordHeaders headers = new RecordHeaders();
      headers.add(TraceContext.HEADER, TRACEPARENT.getBytes(StandardCharsets.UTF_8));
      return new ConsumerRecord<>(TOPIC, (int) n, 0L, 0L, TimestampType.CREATE_TIME, 1, value.length, "arn-" + n, value,
          headers, Optional.empty());
    });
  }

  /** Two slots (concurrency), the given commit interval. */
  private static WorkerSettings settings(Duration commitInterval) {
    return new WorkerSettings("Echo", "unused:9092", "stepstream.", "g", "w", 2, Duration.ofSeconds(5), commitInterval,
        Map.of());
  }
}
