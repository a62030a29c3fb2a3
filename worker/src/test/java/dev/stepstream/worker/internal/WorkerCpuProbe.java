package dev.stepstream.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskRequestWriter;
import dev.stepstream.wire.TaskTokens;
import dev.stepstream.wire.TraceContext;
import dev.stepstream.wire.WireVersions;
import dev.stepstream.worker.LazyTaskHandler;
import dev.stepstream.worker.TaskWorkerBuilder;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Not a test: a by-hand probe of the worker SDK's own CPU per task, without a broker, so that it
 * holds on a loaded machine. The real poll loop, request decoding, handler call, result encoding,
 * sender and offset commits run against a MockConsumer that makes W2-shaped task requests (6
 * partitions, a traceparent header, the engine's context object) and a MockProducer that
 * acknowledges at once; the handler echoes its input, as the bench's echo worker does.
 *
 * <p>By default the handlers run inline on the poll thread, so one thread does all the work and its
 * CPU time per task is the stable figure (the thread hand-offs of a real worker, a few
 * microseconds of park and unpark per task, vary too much with the machine's load to be measured
 * here). With a thread count the real handler pool runs, and the figures include those hand-offs.
 * It prints, per round, the poll thread's CPU, the worker threads' CPU and the whole process's
 * (GC and JIT included) per task and the bytes the worker threads allocated per task (which does not
 * depend on the machine's load), and the median of five rounds measured once a round passed with
 * (almost) no JIT compilation: on a loaded machine the JIT takes many rounds to finish.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp <worker test classpath>
 * dev.stepstream.worker.internal.WorkerCpuProbe [tree|raw] [tasks per round] [handler threads, 0 = inline]}
 * (a pre-touched heap: otherwise the first touch of heap pages, counted as the thread's CPU, made
 * some runs several times slower than others on a loaded machine).
 */
public final class WorkerCpuProbe {
  private static final String TASK = "BenchEcho";
  private static final String TOPIC = "stepstream.tasks." + TASK;
  private static final int PARTITIONS = 6;
  private static final int DISTINCT = 1_000;
  private static final int MEASURED_ROUNDS = 5;
  private static final int MAX_ROUNDS = 40;
  /** A round is warm once the JIT compiled for less than this during it. */
  private static final long JIT_QUIET_MILLIS = 20;
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private WorkerCpuProbe() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "tree";
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    byte[][] requests = new byte[DISTINCT][];
    String[] keys = new String[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      TaskRequest request = request(i);
      keys[i] = request.executionArn();
      requests[i] = TaskRequestWriter.encode(request);
    }
    byte[] traceparent = ("00-" + "4bf92f3577b34da6a3ce929d0e0e4736" + "-" + "00f067aa0ba902b7" + "-01")
        .getBytes(StandardCharsets.UTF_8);
    WorkerSettings settings = new WorkerSettings(TASK, "unused:9092", "stepstream.", "probe", "probe",
        Math.max(1, threads), Duration.ofSeconds(10),
        TaskWorkerBuilder.DEFAULT_COMMIT_INTERVAL, Map.of());
    GeneratingConsumer consumer = new GeneratingConsumer(TOPIC, PARTITIONS, Math.max(threads, 32), n -> {
      int i = (int) (n % DISTINCT);
      RecordHeaders headers = new RecordHeaders();
      headers.add(TraceContext.HEADER, traceparent);
      return new ConsumerRecord<>(TOPIC, (int) (n % PARTITIONS), n / PARTITIONS, 0L, TimestampType.CREATE_TIME, keys[i].length(),
          requests[i].length, keys[i], requests[i], headers, Optional.empty());
    });
    MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
        new ByteArraySerializer());
    WorkerCounters counters = new WorkerCounters();
    ExecutorService handlers = threads == 0 ? new InlineExecutor()
        : new HandlerPool(threads, new WorkerThreads("stepstream-worker-probe-"));
    WorkerLoop loop = new WorkerLoop(settings, () -> { }, handler(mode), consumer,
        new ResultSender(producer, settings.resultsTopic(), counters), handlers, counters);
    Thread poll = new Thread(loop, "stepstream-worker-probe-poll");
    poll.start();
    System.out.printf(Locale.ROOT, "mode %s, %,d tasks per round, %s, request %d bytes%n", mode, perRound,
        threads == 0 ? "handlers inline on the poll thread" : threads + " handler threads", requests[0].length);
    long fed = 0;
    long pollCpu = consumer.awaitIdleCpu(0);
    List<Double> perTask = new ArrayList<>();
    int warmUps = 0;
    long compiled = JIT.getTotalCompilationTime();
    for (int round = 1; perTask.size() < MEASURED_ROUNDS && round <= MAX_ROUNDS; round++) {
      long threadsBefore = workerThreadsCpu();
      long allocatedBefore = workerThreadsAllocated();
      long processBefore = OS.getProcessCpuTime();
      fed += perRound;
      consumer.allow(perRound);
      while (counters.snapshot().completed() < fed) {
        Thread.sleep(1);
      }
      long pollNow = consumer.awaitIdleCpu(fed);
      long all = workerThreadsCpu() - threadsBefore;
      long allocated = workerThreadsAllocated() - allocatedBefore;
      long process = OS.getProcessCpuTime() - processBefore;
      producer.clear();
      System.out.printf(Locale.ROOT,
          "round %d: poll thread %6.2f us/task, worker threads %6.2f, process %6.2f; allocated %,d bytes/task%n", round,
          (pollNow - pollCpu) / 1_000.0 / perRound, all / 1_000.0 / perRound, process / 1_000.0 / perRound,
          allocated / perRound);
      pollCpu = pollNow;
      long compiledNow = JIT.getTotalCompilationTime();
      if (perTask.isEmpty() && compiledNow - compiled > JIT_QUIET_MILLIS) {
        warmUps = round;
      } else {
        perTask.add((double) all / 1_000.0 / perRound);
      }
      compiled = compiledNow;
    }
    Collections.sort(perTask);
    System.out.printf(Locale.ROOT, "median of %d rounds after %d warm-up rounds: %.2f us/task (worker threads)%n",
        perTask.size(), warmUps, perTask.get(perTask.size() / 2));
    loop.stop();
    poll.join();
  }

  /** Runs each handler call on the calling (poll) thread. */
  private static final class InlineExecutor extends AbstractExecutorService {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }

  /** tree: a TaskHandler echoing its JsonNode input; raw: a LazyTaskHandler echoing its RawJson input. */
  static LazyTaskHandler handler(String mode) {
    if ("tree".equals(mode)) {
      return TaskInvocation.lazy((input, ctx) -> input);
    }
    if ("raw".equals(mode)) {
      return (input, ctx) -> input;
    }
    throw new IllegalArgumentException("unknown mode " + mode + " (tree or raw)");
  }

  private static long workerThreadsAllocated() {
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("stepstream-worker-probe-")) {
        total += Math.max(0, THREADS.getThreadAllocatedBytes(thread.getId()));
      }
    }
    return total;
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
