package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;

/**
 * One running scope of an execution: the top level, one Parallel branch or one Map iteration.
 *
 * <p>Frames inside a published {@code ExecutionState} are never modified: {@link Run#edit} clones a
 * frame the first time one {@code apply} call changes it (copy-on-write), so a long Pass chain
 * costs one copy per call, not one per transition. Fields are public for the engine's handlers;
 * nothing outside the engine may write them.
 */
public final class Frame {
  public static final int ROOT = 0;
  public static final int NO_PARENT = -1;

  public final int id;
  public final int parentId;
  /** Branch index (Parallel) or item index (Map); 0 for the root. */
  public final int index;

  public String stateName;
  public Phase phase;
  /** The raw input of the current state. */
  public JsonNode input;
  /**
   * The JSON text of {@link #input} when already known (the previous state's output was serialised
   * for its size check and StateExited event), else null. Not stored: recomputed when missing.
   */
  public String inputText;
  public long enteredEventId;
  public long enteredMillis;
  /** The causal predecessor for the next event of this frame (AWS previousEventId). */
  public long lastEventId;

  /** Retries of the current state so far ({@code $$.State.RetryCount}). */
  public int retryCount;
  /** Attempts used per retrier of the current state, or null before the first retry. */
  public int[] retrierAttempts;

  /** Pending task: its token (null when none), timers and whether the worker reported in. */
  public String token;
  public String timeoutTimerId;
  public String heartbeatTimerId;
  /** The Wait or retry back-off timer. */
  public String timerId;
  public boolean taskStarted;
  /** HeartbeatSeconds of the pending task (0 = none), to restart the heartbeat timer. */
  public long heartbeatSeconds;

  /** Variables assigned in this scope (copy-on-write; never mutate the map in place). */
  public Map<String, JsonNode> variables;

  /** Parallel/Map bookkeeping while in {@link Phase#CHILDREN}. */
  public JsonNode[] childResults;
  /** Map: prepared iteration inputs (after ItemSelector/ItemBatcher). */
  public JsonNode[] childInputs;
  public int childrenStarted;
  public int childrenDone;
  public int childrenFailed;
  public int maxConcurrency;
  public long toleratedFailureCount = -1;
  public double toleratedFailurePercentage = -1;

  /** Identifies the {@code apply} call that owns (may write) this copy. */
  Object owner;

  public Frame(int id, int parentId, int index) {
    this.id = id;
    this.parentId = parentId;
    this.index = index;
  }

  public boolean isRoot() {
    return parentId == NO_PARENT;
  }

  Frame copy(Object newOwner) {
    Frame c = new Frame(id, parentId, index);
    c.stateName = stateName;
    c.phase = phase;
    c.input = input;
    c.inputText = inputText;
    c.enteredEventId = enteredEventId;
    c.enteredMillis = enteredMillis;
    c.lastEventId = lastEventId;
    c.retryCount = retryCount;
    c.retrierAttempts = retrierAttempts == null ? null : retrierAttempts.clone();
    c.token = token;
    c.timeoutTimerId = timeoutTimerId;
    c.heartbeatTimerId = heartbeatTimerId;
    c.timerId = timerId;
    c.taskStarted = taskStarted;
    c.heartbeatSeconds = heartbeatSeconds;
    c.variables = variables;
    c.childResults = childResults == null ? null : childResults.clone();
    c.childInputs = childInputs;
    c.childrenStarted = childrenStarted;
    c.childrenDone = childrenDone;
    c.childrenFailed = childrenFailed;
    c.maxConcurrency = maxConcurrency;
    c.toleratedFailureCount = toleratedFailureCount;
    c.toleratedFailurePercentage = toleratedFailurePercentage;
    c.owner = newOwner;
    return c;
  }

  /** Clears everything that belongs to the state being left. */
  public void resetStateData() {
    retryCount = 0;
    retrierAttempts = null;
    token = null;
    timeoutTimerId = null;
    heartbeatTimerId = null;
    timerId = null;
    taskStarted = false;
    heartbeatSeconds = 0;
    childResults = null;
    childInputs = null;
    childrenStarted = 0;
    childrenDone = 0;
    childrenFailed = 0;
    maxConcurrency = 0;
    toleratedFailureCount = -1;
    toleratedFailurePercentage = -1;
  }

  @Override
  public String toString() {
    return "Frame[" + id + "<-" + parentId + " #" + index + " " + stateName + " " + phase + " children="
        + (childResults == null ? "-" : Arrays.toString(childResults)) + "]";
  }
}
