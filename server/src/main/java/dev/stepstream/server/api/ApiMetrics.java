package dev.stepstream.server.api;

import dev.stepstream.processor.ProcessorMetrics;
import dev.stepstream.processor.TaskMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Prometheus metrics at {@code /metrics}: the processor's counters, per-task meters, pending
 * timers and the API's requests. The console's metrics dashboard reads the same registry.
 */
public final class ApiMetrics implements TaskMeters {
  public static final String TASKS_DISPATCHED = "stepstream.tasks.dispatched";
  public static final String TASKS_COMPLETED = "stepstream.tasks.completed";
  public static final String TASKS_LATENCY = "stepstream.tasks.latency";
  public static final String TIMERS_PENDING = "stepstream.timers.pending";
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Set<String> countedTasks = ConcurrentHashMap.newKeySet();
  // One counter per operation and outcome, looked up without building a meter id per request.
  private final Map<String, Counter> requests = new ConcurrentHashMap<>();
  private final ProcessorMetrics processor;

  public ApiMetrics(ProcessorMetrics processor) {
    if (processor != null) {
      counter("stepstream.processor.applied", "Commands, task results and timers that changed an execution",
          processor, ProcessorMetrics::appliedCount);
      counter("stepstream.processor.ignored", "Inputs that changed nothing (stale tokens, finished executions)",
          processor, ProcessorMetrics::ignoredCount);
      counter("stepstream.processor.task.results.ignored",
          "Task results and heartbeats ignored: duplicates, late (after a timeout or retry), unknown tokens",
          processor, ProcessorMetrics::ignoredTaskResultsCount);
      counter("stepstream.processor.dead.lettered", "Records sent to the dead-letter topic",
          processor, ProcessorMetrics::deadLetteredCount);
      counter("stepstream.processor.timers.fired", "Durable timers fired", processor, ProcessorMetrics::timersFiredCount);
      Gauge.builder(TIMERS_PENDING, processor, ProcessorMetrics::pendingTimersCount)
          .description("Execution timers pending on this instance (Wait, retry backoff, task timeouts)").register(registry);
      this.processor = processor;
      processor.taskCounts().keySet().forEach(this::taskCounters);
      processor.observeTasks(this);
    } else {
      this.processor = null;
    }
  }

  /** Counters reading the processor's own per-task counts, so tasks run before the API started count too. */
  private void taskCounters(String taskName) {
    if (!countedTasks.add(taskName)) {
      return;
    }
    FunctionCounter.builder(TASKS_DISPATCHED, processor, p -> count(p, taskName, ProcessorMetrics.TaskCounts::dispatched))
        .description("Task requests written to the task's topic").tag("task", taskName).register(registry);
    FunctionCounter.builder(TASKS_COMPLETED, processor, p -> count(p, taskName, ProcessorMetrics.TaskCounts::succeeded))
        .description("Task results applied, by outcome").tag("task", taskName).tag("outcome", "succeeded").register(registry);
    FunctionCounter.builder(TASKS_COMPLETED, processor, p -> count(p, taskName, ProcessorMetrics.TaskCounts::failed))
        .description("Task results applied, by outcome").tag("task", taskName).tag("outcome", "failed").register(registry);
  }

  private static double count(ProcessorMetrics p, String taskName, ToLongFunction<ProcessorMetrics.TaskCounts> read) {
    ProcessorMetrics.TaskCounts counts = p.taskCounts(taskName);
    return counts == null ? 0 : read.applyAsLong(counts);
  }

  @Override
  public void dispatched(String taskName) {
    taskCounters(taskName);
  }

  @Override
  public void completed(String taskName, boolean succeeded, long latencyMillis) {
    taskCounters(taskName);
    Timer.builder(TASKS_LATENCY).description("From dispatching a task request to applying its result")
        .tag("task", taskName).publishPercentiles(0.5, 0.95, 0.99).distributionStatisticExpiry(Duration.ofMinutes(2))
        .register(registry).record(Duration.ofMillis(latencyMillis));
  }

  /** The registry behind {@code /metrics}: read by the console's metrics summary, written by the triggers. */
  public MeterRegistry registry() {
    return registry;
  }

  private void counter(String name, String help, ProcessorMetrics source, ToDoubleFunction<ProcessorMetrics> read) {
    FunctionCounter.builder(name, source, read).description(help).register(registry);
  }

  /** Counts one AWS API call by operation and outcome (the AWS error name, or "OK"). */
  public void request(String operation, String outcome) {
    requests.computeIfAbsent(operation + '|' + outcome, key -> Counter.builder("stepstream.api.requests")
        .description("AWS API requests").tag("operation", operation).tag("outcome", outcome).register(registry))
        .increment();
  }

  public String scrape() {
    return registry.scrape();
  }
}
