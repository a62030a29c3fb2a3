package dev.stepstream.engine.local;

import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.engine.task.MapRunTasks;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.WireVersions;

/**
 * Answers the reserved tasks of a Distributed Map ({@link MapRunTasks}: its ItemReader and
 * ResultWriter) in a local run. The engine does no I/O, so whoever runs it locally (the CLI) provides
 * the reading and writing; without one, such a task fails the Map Run with AWS's error and a cause
 * that says so, instead of waiting for an answer that never comes.
 */
@FunctionalInterface
public interface LocalIntegrations {
  /** Fails every ItemReader and ResultWriter task: nothing serves them. */
  LocalIntegrations NONE = request -> new TaskFailed(WireVersions.CURRENT, request.executionArn(),
      request.taskToken(), errorFor(request), "This local run has no object store to serve the "
      + (MapRunTasks.ITEM_READER.equals(request.taskName()) ? "ItemReader" : "ResultWriter")
      + " of Map state '" + request.stateName() + "' (resource " + request.resource() + ").");

  /** True for the tasks this interface answers. */
  static boolean serves(TaskRequest request) {
    return MapRunTasks.ITEM_READER.equals(request.taskName()) || MapRunTasks.RESULT_WRITER.equals(request.taskName());
  }

  /** {@code States.ItemReaderFailed} for the reader, {@code States.ResultWriterFailed} for the writer. */
  static String errorFor(TaskRequest request) {
    return MapRunTasks.ITEM_READER.equals(request.taskName())
        ? ErrorNames.ITEM_READER_FAILED : ErrorNames.RESULT_WRITER_FAILED;
  }

  /** The task's result; must not throw (a failure is a {@link TaskFailed}). */
  TaskResult answer(TaskRequest request);
}
