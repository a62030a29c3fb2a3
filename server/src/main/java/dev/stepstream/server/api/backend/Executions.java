package dev.stepstream.server.api.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Execution data for the API: the processor's stores first (freshest), then this API's view of the
 * compacted executions topic (every execution, for listing). Waiting for a change holds no thread:
 * waiters are completed when the view reads a matching summary, which is after the processor's
 * commit wherever it runs, and the summary is then in the view for the next read.
 */
public final class Executions implements AutoCloseable {
  private final ExecutionQueries queries;
  private final ListedExecutions listed = new ListedExecutions();
  private final TailingView<Decoded> view;
  private final ScheduledThreadPoolExecutor timeouts = timeoutScheduler();
  private final ExecutorService completions = Executors.newFixedThreadPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()), daemonThreads("stepstream-api-await"));
  private final KeyWaiters<ExecutionSummary> waiters = new KeyWaiters<>(timeouts, completions);

  public Executions(String bootstrapServers, String topic, ExecutionQueries queries) {
    this(KafkaConnection.of(bootstrapServers), topic, queries);
  }

  public Executions(KafkaConnection kafka, String topic, ExecutionQueries queries) {
    this.queries = queries;
    this.view = TailingView.follow(kafka, topic, Executions::decode, this::read, Duration.ofSeconds(60));
  }

  /** A summary as the view read it, with its bytes. */
  private record Decoded(ExecutionSummary summary, byte[] bytes) {}

  private void read(String executionArn, Decoded decoded) {
    if (decoded == null) {
      listed.remove(executionArn);
      return;
    }
    listed.put(executionArn, decoded.summary(), decoded.bytes());
    waiters.offer(executionArn, decoded.summary());
  }

  /** Timeouts are mostly cancelled (the execution showed up), so cancelled ones leave the queue at once. */
  private static ScheduledThreadPoolExecutor timeoutScheduler() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
        daemonThreads("stepstream-api-await-timeouts"));
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static Optional<Decoded> decode(byte[] bytes) {
    try {
      return Optional.of(new Decoded(WireJson.decode(bytes, ExecutionSummary.class), bytes));
    } catch (WireFormatException e) {
      return Optional.empty();
    }
  }

  public Optional<ExecutionSummary> find(String executionArn) {
    Optional<ExecutionSummary> fresh = queries.summary(executionArn);
    return fresh.isPresent() ? fresh : listed.get(executionArn);
  }

  /*
   * The lists below return summaries in their listing form (ListedExecutions#listing): without input,
   * output, error, cause, revision id and trace header, which no list shows; find has them.
   */

  /** Executions of one state machine (including those of its versions), newest first. */
  public List<ExecutionSummary> of(String stateMachineArn) {
    return newestFirst(s -> s.stateMachineArn().equals(stateMachineArn)
        || s.stateMachineArn().startsWith(stateMachineArn + ":"));
  }

  /** The child executions a Distributed Map's Map Run started, newest first. */
  public List<ExecutionSummary> ofMapRun(String mapRunArn) {
    return newestFirst(s -> mapRunArn.equals(s.mapRunArn()));
  }

  private List<ExecutionSummary> newestFirst(Predicate<ExecutionSummary> selected) {
    return listed.listings().stream()
        .filter(selected)
        .map(s -> queries.summaryIfLocal(s.executionArn()).map(ListedExecutions::listing).orElse(s))
        .sorted(Comparator.comparingLong(ExecutionSummary::startDate).reversed()
            .thenComparing(ExecutionSummary::name))
        .toList();
  }

  public List<ExecutionSummary> all() {
    return listed.listings().stream()
        .sorted(Comparator.comparingLong(ExecutionSummary::startDate).reversed())
        .toList();
  }

  /** Whether a task of the execution waits for the token; empty when that cannot be told now. */
  public Optional<Boolean> holdsTask(String executionArn, String taskToken) {
    return queries.holdsTask(executionArn, taskToken);
  }

  /** A Map Run's counts from its execution's state; empty when they cannot be told now. */
  public Optional<JsonNode> mapRunCounts(String executionArn, String mapRunArn) {
    return queries.mapRunCounts(executionArn, mapRunArn);
  }

  public List<HistoryEvent> history(String executionArn, long fromId, long toId, boolean reverse, int limit) {
    return queries.history(executionArn, fromId, toId, reverse, limit);
  }

  /**
   * Completes once the execution exists and satisfies {@code condition}, with that summary; on
   * timeout with its last known summary (empty if it still does not exist). Start waiting before
   * writing the command that should cause the change, so the change cannot be missed. The returned
   * future is already done when the execution satisfied the condition at the call.
   */
  public CompletableFuture<Optional<ExecutionSummary>> awaitAsync(String executionArn,
      Predicate<ExecutionSummary> condition, Duration timeout) {
    CompletableFuture<Optional<ExecutionSummary>> waiting = waiters.await(executionArn, condition, timeout);
    Optional<ExecutionSummary> now = find(executionArn).filter(condition);
    if (now.isPresent()) {
      waiting.complete(now);
      return CompletableFuture.completedFuture(now);
    }
    return waiting.thenApply(found -> found.isPresent() ? found : find(executionArn));
  }

  public static boolean isRunning(ExecutionSummary summary) {
    return summary.status() == ExecutionStatus.RUNNING;
  }

  @Override
  public void close() {
    view.close();
    waiters.failAll(new IllegalStateException("the API is closing"));
    timeouts.shutdownNow();
    completions.shutdown();
  }
}
