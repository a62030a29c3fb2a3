package dev.stepstream.asl.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A Map state's {@code ItemProcessor} (or legacy {@code Iterator}).
 *
 * @param executionType {@code ProcessorConfig.ExecutionType} (STANDARD or EXPRESS), DISTRIBUTED only
 */
public record ItemProcessor(ProcessorMode mode, Optional<String> executionType, StateGraph graph) {
  public ItemProcessor {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(executionType, "executionType");
    Objects.requireNonNull(graph, "graph");
  }
}
