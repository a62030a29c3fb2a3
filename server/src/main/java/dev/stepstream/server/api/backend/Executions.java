package dev.stepstream.server.api.backend;

import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Execution data for the API: the processor's stores first (freshest), then this API's view of the
 * compacted executions topic (every execution, for listing). Waiting for a change is done by
 * polling both at a short interval, which keeps it independent of where the processor runs.
 */
public final class Executions implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(20);

  private final ExecutionQueries queries;
  private final TailingView<ExecutionSummary> view;

  public Executions(String bootstrapServers, String topic, ExecutionQueries queries) {
    this.queries = queries;
    this.view = TailingView.start(bootstrapServers, topic, Executions::decode, Duration.ofSeconds(60));
  }

  private static Optional<ExecutionSummary> decode(byte[] bytes) {
    try {
      return Optional.of(WireJson.decode(bytes, ExecutionSummary.class));
    } catch (WireFormatException e) {
      return Optional.empty();
    }
  }

  public Optional<ExecutionSummary> find(String executionArn) {
    Optional<ExecutionSummary> fresh = queries.summary(executionArn);
    return fresh.isPresent() ? fresh : view.get(executionArn);
  }

  /** Executions of one state machine (including those of its versions), newest first. */
  public List<ExecutionSummary> of(String stateMachineArn) {
    return view.values().stream()
        .filter(s -> s.stateMachineArn().equals(stateMachineArn) || s.stateMachineArn().startsWith(stateMachineArn + ":"))
        .map(s -> queries.summaryIfLocal(s.executionArn()).orElse(s))
        .sorted(Comparator.comparingLong(ExecutionSummary::startDate).reversed()
            .thenComparing(ExecutionSummary::name))
        .toList();
  }

  public List<ExecutionSummary> all() {
    return view.values().stream()
        .sorted(Comparator.comparingLong(ExecutionSummary::startDate).reversed())
        .toList();
  }

  public List<HistoryEvent> history(String executionArn, long fromId, long toId, boolean reverse, int limit) {
    return queries.history(executionArn, fromId, toId, reverse, limit);
  }

  /** Waits until the execution exists and satisfies {@code condition}; returns its last known summary. */
  public Optional<ExecutionSummary> await(String executionArn, Predicate<ExecutionSummary> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<ExecutionSummary> now = find(executionArn);
      if (now.filter(condition).isPresent() || System.nanoTime() > deadline) {
        return now;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return now;
      }
    }
  }

  public static boolean isRunning(ExecutionSummary summary) {
    return "RUNNING".equals(summary.status());
  }

  @Override
  public void close() {
    view.close();
  }
}
