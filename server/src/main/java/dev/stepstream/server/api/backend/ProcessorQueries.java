package dev.stepstream.server.api.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.runtime.MapRunCounts;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** {@link ExecutionQueries} answered by a processor in this JVM; empty while its stores are rebalancing. */
public final class ProcessorQueries implements ExecutionQueries {
  private final StepstreamProcessor processor;

  public ProcessorQueries(StepstreamProcessor processor) {
    this.processor = processor;
  }

  @Override
  public Optional<ExecutionSummary> summary(String executionArn) {
    try {
      return processor.summary(executionArn);
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<Boolean> holdsTask(String executionArn, String taskToken) {
    try {
      return Optional.of(processor.execution(executionArn)
          .map(state -> ExecutionQueries.holdsTask(state, taskToken)).orElse(false));
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<JsonNode> mapRunCounts(String executionArn, String mapRunArn) {
    try {
      return processor.execution(executionArn).flatMap(state -> MapRunCounts.find(state, mapRunArn));
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<HistoryEvent> history(String executionArn, long fromId, long toId, boolean reverse, int limit) {
    try {
      return processor.history(executionArn, fromId, toId, reverse, limit);
    } catch (InvalidStateStoreException e) {
      return List.of();
    }
  }
}
