package dev.stepstream.processor;

import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.WireRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Attaches the log lines a worker sent with a task result to the history event that records the
 * result (TaskSucceeded, LambdaFunctionFailed, ActivitySucceeded, ...), so they travel with the
 * task's events to the history topic and store, the console and the logs endpoint.
 */
final class WorkerOutputs {
  private WorkerOutputs() {}

  static List<HistoryEvent> attach(WireRecord input, List<HistoryEvent> events) {
    if (!(input instanceof TaskResult result) || result.workerOutput() == null) {
      return events;
    }
    for (int i = 0; i < events.size(); i++) {
      if (isTaskOutcome(events.get(i).eventType())) {
        List<HistoryEvent> out = new ArrayList<>(events);
        out.set(i, events.get(i).withWorkerOutput(result.workerOutput()));
        return out;
      }
    }
    return events;
  }

  private static boolean isTaskOutcome(String type) {
    boolean task = type.startsWith("Task") || type.startsWith("LambdaFunction") || type.startsWith("Activity");
    return task && (type.endsWith("Succeeded") || type.endsWith("Failed")) && !type.startsWith("TaskState");
  }
}
