package dev.stepstream.processor;

import dev.stepstream.wire.TraceContext;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Forwards to the topology's sink nodes. A task request carries its task name in the
 * {@value #TASK_HEADER} header, from which the task sink picks the {@code tasks.<name>} topic.
 */
final class ContextRecordSink implements RecordSink {
  static final String TASK_HEADER = "stepstream-task";

  private final ProcessorContext<String, byte[]> context;

  ContextRecordSink(ProcessorContext<String, byte[]> context) {
    this.context = context;
  }

  @Override
  public void send(Topic topic, String key, byte[] value, long timestamp) {
    context.forward(new Record<>(key, value, timestamp), sinkOf(topic));
  }

  @Override
  public void sendTask(String taskName, String key, byte[] request, long timestamp) {
    sendTask(taskName, key, request, timestamp, null);
  }

  @Override
  public void sendTask(String taskName, String key, byte[] request, long timestamp, String traceparent) {
    Record<String, byte[]> out = new Record<>(key, request, timestamp);
    out.headers().add(TASK_HEADER, taskName.getBytes(StandardCharsets.UTF_8));
    if (traceparent != null) {
      out.headers().add(TraceContext.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
    }
    context.forward(out, StepstreamTopology.TASKS_SINK);
  }

  private static String sinkOf(Topic topic) {
    return switch (topic) {
      case HISTORY -> StepstreamTopology.HISTORY_SINK;
      case EXECUTIONS -> StepstreamTopology.EXECUTIONS_SINK;
      case COMMANDS -> StepstreamTopology.COMMANDS_SINK;
      case DEAD_LETTERS -> StepstreamTopology.DEAD_LETTERS_SINK;
      case EVENTS -> StepstreamTopology.EVENTS_SINK;
      case LOGS -> StepstreamTopology.LOGS_SINK;
      case TASK_RESULTS -> StepstreamTopology.TASK_RESULTS_SINK;
    };
  }
}
