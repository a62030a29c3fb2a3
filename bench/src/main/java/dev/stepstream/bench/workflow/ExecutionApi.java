package dev.stepstream.bench.workflow;

import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.wire.TopicCatalogue;

/**
 * The AWS-compatible HTTP API in front of a running processor. The API lives in {@code server},
 * which depends on this module, so the command line passes a factory in.
 */
public interface ExecutionApi extends AutoCloseable {
  /** e.g. {@code http://127.0.0.1:41234}; AWS JSON 1.0 requests are POSTed to {@code /}. */
  String endpoint();

  @Override
  void close();

  /** Starts an API on a free port for the processor on these topics. */
  @FunctionalInterface
  interface Factory {
    ExecutionApi start(String bootstrapServers, TopicCatalogue topics, StepstreamProcessor processor);
  }
}
