package dev.stepstream.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskRequestWriter;
import dev.stepstream.wire.TaskTokens;
import dev.stepstream.wire.TraceContext;
import dev.stepstream.wire.WireVersions;
import dev.stepstream.worker.TaskHandler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Not a test: a by-hand probe of the worker SDK's own CPU per task, without a broker, so that it
 * holds on a loaded machine. The real poll loop, handler threads, request decoding, result encoding
 * and sender run against a MockConsumer fed with W2-shaped task requests (6 partitions, a
 * traceparent header, the engine's context object) and a MockProducer that acknowledges at once; the
 * handler echoes its input, as the bench's echo worker does. It prints, per round, the CPU of the
 * worker's threads (poll + handlers) and of the whole process (GC and JIT included) per task; the
 * first round warms the JIT.
 *
 * <p>Run: {@code java -cp <worker test classpath> dev.stepstream.worker.internal.WorkerCpuProbe
 * [tree] [tasks per round] [concurrency]}.
 */
public final class WorkerCpuProbe {
  private static final String TASK = "BenchEcho";
  private static final String TOPIC = "stepstream.tasks." + TASK;
  private static final int PARTITIONS = 6;
  private static final int DISTINCT = 1_000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private WorkerCpuProbe() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "tree";
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    TaskHandler handler = handler(mode);
    byte[][] requests = new byte[DISTINCT][];
    String[] keys = new String[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      TaskRequest request = request(i);
      keys[i] = request.executionArn();
      requests[i] = TaskRequestWriter.encode(request);
    }
    byte[] traceparent = ("00-" + "4bf92f3577b34da6a3ce929d0e0e4736" + "-" + "00f067aa0ba902b7" + "-01")
        .getBytes(StandardCharsets.UTF_8);
    WorkerSettings settings = new WorkerSettings(TASK, "unused:9092", "stepstream.", "probe", "probe", concurrency,
        Duration.ofSeconds(10), Map.of());
    FeedingConsumer consumer = new FeedingConsumer(TOPIC, PARTITIONS, concurrency, 4 * concurrency);
    MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
        new ByteArraySerializer());
    WorkerCounters counters = new WorkerCounters();
    ExecutorService handlers = Executors.newFixedThreadPool(concurrency, new WorkerThreads("stepstream-worker-probe-"));
    WorkerLoop loop = new WorkerLoop(settings, () -> { }, handler, consumer,
        new ResultSender(producer, settings.resultsTopic(), counters), handlers, counters);
    Thread poll = new Thread(loop, "stepstream-worker-probe-poll");
    poll.start();
    System.out.printf(Locale.ROOT, "mode %s, %,d tasks per round, concurrency %d, request %d bytes%n", mode, perRound,
        concurrency, requests[0].length);
    long fed = 0;
    for (int round = 1; round <= 5; round++) {
      long threadsBefore = workerThreadsCpu();
      long processBefore = OS.getProcessCpuTime();
      for (int i = 0; i < perRound; i++, fed++) {
        int n = (int) (fed % DISTINCT);
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceContext.HEADER, traceparent);
        consumer.feed(n % PARTITIONS, keys[n], requests[n], headers);
      }
      while (counters.snapshot().completed() < fed) {
        Thread.sleep(1);
      }
      long threads = workerThreadsCpu() - threadsBefore;
      long process = OS.getProcessCpuTime() - processBefore;
      producer.clear();
      System.out.printf(Locale.ROOT, "round %d: worker threads %7.2f us/task, process %7.2f us/task%n", round,
          threads / 1_000.0 / perRound, process / 1_000.0 / perRound);
    }
    loop.stop();
    poll.join();
  }

  static TaskHandler handler(String mode) {
    if ("tree".equals(mode)) {
      return (input, ctx) -> input;
    }
    throw new IllegalArgumentException("unknown mode " + mode + " (tree)");
  }

  private static long workerThreadsCpu() {
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("stepstream-worker-probe-")) {
        total += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
      }
    }
    return total;
  }

  /** A request shaped like W2's: the bench's small input and the engine's context object for a Task. */
  static TaskRequest request(int n) {
    String machine = "arn:aws:states:us-east-1:123456789012:stateMachine:W2Tasks";
    String arn = "arn:aws:states:us-east-1:123456789012:execution:W2Tasks:w2-1733370000000000000-" + n;
    String token = TaskTokens.create(arn, 3 + n % 10, "c2e1f0a4b7d94e5f");
    JsonNode input = JsonNodeFactory.instance.objectNode().put("order", 42);
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", arn);
    execution.set("Input", input);
    execution.put("Name", arn.substring(arn.lastIndexOf(':') + 1));
    execution.put("RoleArn", "");
    execution.put("StartTime", "2026-12-05T03:05:12.345Z");
    execution.put("RedriveCount", 0);
    ObjectNode state = context.putObject("State");
    state.put("EnteredTime", "2026-12-05T03:05:12.401Z");
    state.put("Name", "S" + n % 10);
    state.put("RetryCount", 0);
    ObjectNode stateMachine = context.putObject("StateMachine");
    stateMachine.put("Id", machine);
    stateMachine.put("Name", "W2Tasks");
    context.putObject("Task").put("Token", token);
    return new TaskRequest(WireVersions.CURRENT, arn, token, "arn:aws:lambda:us-east-1:123456789012:function:" + TASK,
        TASK, "S" + n % 10, input, 1, null, null, context, 1_733_370_000_000L);
  }
}
