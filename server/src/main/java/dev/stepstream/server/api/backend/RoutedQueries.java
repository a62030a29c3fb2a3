package dev.stepstream.server.api.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.runtime.MapRunCounts;
import dev.stepstream.processor.ExecutionOwner;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@link ExecutionQueries} answered by whichever instance owns the execution's partition (Kafka
 * Streams metadata): this JVM's processor stores, or the owner's internal endpoint over HTTP.
 * While ownership is unknown (a rebalance) or the owner's stores are moving, it retries for a short
 * window; an owner that cannot be reached is given up on at once ({@link OwnerRouter}). Then a
 * summary is reported as unknown here (the caller falls back to the compacted executions topic) and a
 * history query fails with a retryable 503.
 */
public final class RoutedQueries implements ExecutionQueries {
  static final String UNAVAILABLE = "ServiceUnavailable";
  /** How long a peer that could not be reached is not asked again while the metadata still names it. */
  static final Duration DOWN_FOR = Duration.ofSeconds(2);

  private final StepstreamProcessor processor;
  private final PeerClient peers;
  private final OwnerRouter router;

  public RoutedQueries(StepstreamProcessor processor, PeerClient peers, Duration retryWindow) {
    this.processor = processor;
    this.peers = peers;
    this.router = new OwnerRouter(processor::ownerOf, retryWindow, DOWN_FOR);
  }

  public static RoutedQueries over(StepstreamProcessor processor) {
    return over(processor, null);
  }

  /** @param peerSecret sent to the other instances' internal endpoints, or null */
  public static RoutedQueries over(StepstreamProcessor processor, String peerSecret) {
    return new RoutedQueries(processor, new PeerClient(peerSecret), Duration.ofSeconds(2));
  }

  @Override
  public Optional<ExecutionSummary> summary(String executionArn) {
    return router.route(executionArn,
        () -> processor.summary(executionArn),
        (host, port) -> peers.summary(host, port, executionArn))
        .flatMap(found -> found);
  }

  @Override
  public Optional<ExecutionSummary> summaryIfLocal(String executionArn) {
    if (!(processor.ownerOf(executionArn) instanceof ExecutionOwner.Here)) {
      return Optional.empty();
    }
    try {
      return processor.execution(executionArn).map(ExecutionState::summary);
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<Boolean> holdsTask(String executionArn, String taskToken) {
    return router.route(executionArn,
        () -> processor.execution(executionArn).map(state -> ExecutionQueries.holdsTask(state, taskToken)).orElse(false),
        (host, port) -> peers.holdsTask(host, port, executionArn, taskToken));
  }

  @Override
  public Optional<JsonNode> mapRunCounts(String executionArn, String mapRunArn) {
    return router.route(executionArn,
        () -> processor.execution(executionArn).flatMap(state -> MapRunCounts.find(state, mapRunArn)),
        (host, port) -> peers.mapRunCounts(host, port, executionArn, mapRunArn))
        .flatMap(found -> found);
  }

  @Override
  public List<HistoryEvent> history(String executionArn, long fromId, long toId, boolean reverse, int limit) {
    return router.route(executionArn,
        () -> processor.history(executionArn, fromId, toId, reverse, limit),
        (host, port) -> peers.history(host, port, executionArn, fromId, toId, reverse, limit))
        .orElseThrow(() -> new AwsException(UNAVAILABLE,
            "The execution's history is being moved between instances; retry the request", 503));
  }
}
