package dev.stepstream.processor;

/**
 * Receives per-task measurements as the processor dispatches task requests and applies their
 * results (the server turns them into Micrometer meters). Called on stream threads: keep it quick.
 */
public interface TaskMeters {
  TaskMeters NONE = new TaskMeters() {
    @Override
    public void dispatched(String taskName) {
    }

    @Override
    public void completed(String taskName, boolean succeeded, long latencyMillis) {
    }
  };

  /** A task request was written to the task's topic. */
  void dispatched(String taskName);

  /**
   * A worker's result was applied; {@code latencyMillis} runs from the request's dispatch to the
   * result's application (time on the topic, in the worker, and back).
   */
  void completed(String taskName, boolean succeeded, long latencyMillis);
}
