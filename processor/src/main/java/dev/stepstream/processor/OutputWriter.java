package dev.stepstream.processor;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes one decision's {@link Outputs}, in order: history chunks to the history topic and the
 * {@code history} store, task requests to their task topics (created first when missing), Continue
 * commands and summaries to their topics, commands and task results for other executions (nested
 * executions) to the commands and task-results topics, and timer starts and cancellations to the durable timers.
 */
final class OutputWriter {
  private final RecordSink sink;
  private final KeyValueStore<String, byte[]> history;
  private final DurableTimers timers;
  private final TaskTopics taskTopics;

  OutputWriter(RecordSink sink, KeyValueStore<String, byte[]> history, DurableTimers timers, TaskTopics taskTopics) {
    this.sink = sink;
    this.history = history;
    this.timers = timers;
    this.taskTopics = taskTopics;
  }

  void write(String executionArn, Outputs outputs, long nowMillis) {
    write(executionArn, outputs, nowMillis, null);
  }

  /** @param trace the execution's trace, whose traceparent each task request carries (null: none) */
  void write(String executionArn, Outputs outputs, long nowMillis, ExecutionTraces.Trace trace) {
    for (Outputs.Output output : outputs.all()) {
      if (output instanceof HistoryStore.Chunk chunk) {
        sink.send(RecordSink.Topic.HISTORY, executionArn, chunk.value(), nowMillis);
        HistoryStore.put(history, chunk);
      } else if (output instanceof Outputs.Task task) {
        taskTopics.ensure(task.taskName());
        sink.sendTask(task.taskName(), executionArn, task.request(), nowMillis,
            trace == null ? null : trace.traceparentFor(task.request()));
      } else if (output instanceof Outputs.StartTimer timer) {
        timers.start(executionArn, timer.timerId(), timer.dueAtMillis());
      } else if (output instanceof Outputs.CancelTimer timer) {
        timers.cancel(executionArn, timer.timerId());
      } else if (output instanceof Outputs.Command command) {
        sink.send(RecordSink.Topic.COMMANDS, executionArn, command.command(), nowMillis);
      } else if (output instanceof Outputs.Summary summary) {
        sink.send(RecordSink.Topic.EXECUTIONS, executionArn, summary.summary(), nowMillis);
      } else if (output instanceof Outputs.CommandTo command) {
        sink.send(RecordSink.Topic.COMMANDS, command.key(), command.command(), nowMillis);
      } else if (output instanceof Outputs.TaskResultTo result) {
        sink.send(RecordSink.Topic.TASK_RESULTS, result.key(), result.result(), nowMillis);
      }
    }
  }
}
