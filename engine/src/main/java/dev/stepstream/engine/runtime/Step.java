package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/** One unit of work in an {@code apply} call's queue; processing a step only enqueues further steps. */
public sealed interface Step {

  /** Run the frame's current state (counts as a transition). */
  record Advance(int frameId) implements Step {}

  /** The frame reached an End (or Succeed) with this output. */
  record FrameDone(int frameId, JsonNode output) implements Step {}

  /**
   * The frame's current state failed; the error funnel applies Retry/Catch. {@code taskResult} marks
   * a failure reported for the task's result (a worker error, or a result over the payload limit),
   * which States.ALL matches even when it is States.DataLimitExceeded.
   */
  record Failed(int frameId, String error, String cause, boolean taskResult) implements Step {
    public Failed(int frameId, String error, String cause) {
      this(frameId, error, cause, false);
    }
  }

  /** A branch/iteration of the Parallel/Map state running in {@code parentId} finished. */
  record ChildDone(int parentId, int childIndex, JsonNode output, long lastEventId) implements Step {}

  /** A branch/iteration of the Parallel/Map state running in {@code parentId} failed unhandled. */
  record ChildFailed(int parentId, int childIndex, String error, String cause, long lastEventId) implements Step {}

  /** Completes a frame's waiting state from outside input (task result, Wait timer), guarded like a state. */
  record Call(int frameId, Runnable action) implements Step {}
}
