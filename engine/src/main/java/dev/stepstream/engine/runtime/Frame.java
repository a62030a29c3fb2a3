package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One running scope of an execution: the top level, one Parallel branch or one Map iteration.
 *
 * <p>A frame changes only through its lifecycle transitions (entered, running, waiting on a
 * {@link StateWork}, halted, moved on), each of which checks that it is allowed in the current
 * {@link Phase}. Transitions that start or drop timers are package-private: handlers ask {@link Run}
 * for them, so that timers, tokens and the started flag always go together.
 *
 * <p>Frames are copy-on-write: {@link Run#edit} clones a frame the first time one {@code apply} call
 * changes it, so a long Pass chain costs one copy per call, not one per transition. A frame that
 * belongs to a published {@code ExecutionState} is sealed and rejects every transition.
 */
public final class Frame {
  public static final int ROOT = 0;
  public static final int NO_PARENT = -1;

  private final int id;
  private final int parentId;
  /** Branch index (Parallel) or item index (Map); 0 for the root. */
  private final int index;

  private String stateName;
  private Phase phase;
  /** The raw input of the current state. */
  private JsonNode input;
  /** The JSON text of {@link #input} when already known; not stored, recomputed when missing. */
  private String inputText;
  private long enteredEventId;
  private long enteredMillis;
  /** The causal predecessor for the next event of this frame (AWS previousEventId). */
  private long lastEventId;
  /** Retries of the current state so far ({@code $$.State.RetryCount}). */
  private int retryCount;
  /** Attempts used per retrier of the current state, or null before the first failure. */
  private int[] retrierAttempts;
  /** Variables assigned in this scope (replaced on write, never changed in place). */
  private Map<String, JsonNode> variables;
  /** What the current state waits for, or null. */
  private StateWork work;
  /** A paged Distributed Map's progress while the frame is in that Map state, else null. */
  private MapRunProgress mapRun;

  /** The {@code apply} call that may change this copy; null once published. */
  private Object owner;

  private Frame(int id, int parentId, int index, Object owner) {
    this.id = id;
    this.parentId = parentId;
    this.index = index;
    this.owner = owner;
  }

  /** A new frame about to enter {@code stateName}. */
  static Frame entering(int id, int parentId, int index, Object owner, String stateName, JsonNode input,
      String inputText, long previousEventId) {
    Frame f = new Frame(id, parentId, index, owner);
    f.stateName = stateName;
    f.input = input;
    f.inputText = inputText;
    f.phase = Phase.ENTER;
    f.lastEventId = previousEventId;
    f.variables = Map.of();
    return f;
  }

  /** A frame as stored (see {@link FrameCodec}); sealed. */
  static Frame restored(int id, int parentId, int index, String stateName, Phase phase, JsonNode input,
      long enteredEventId, long enteredMillis, long lastEventId, int retryCount, int[] retrierAttempts,
      Map<String, JsonNode> variables, StateWork work) {
    Frame f = new Frame(id, parentId, index, null);
    f.stateName = stateName;
    f.phase = phase;
    f.input = input;
    f.enteredEventId = enteredEventId;
    f.enteredMillis = enteredMillis;
    f.lastEventId = lastEventId;
    f.retryCount = retryCount;
    f.retrierAttempts = retrierAttempts;
    f.variables = variables;
    f.work = work;
    return f;
  }

  /** A frame as stored with a Distributed Map's progress; sealed. */
  static Frame restored(Frame stored, MapRunProgress mapRun) {
    stored.mapRun = mapRun;
    return stored;
  }

  // ---- reading ----

  public int id() {
    return id;
  }

  public int parentId() {
    return parentId;
  }

  public int index() {
    return index;
  }

  public boolean isRoot() {
    return parentId == NO_PARENT;
  }

  public String stateName() {
    return stateName;
  }

  public Phase phase() {
    return phase;
  }

  public JsonNode input() {
    return input;
  }

  /** The input's JSON text, written once and kept for this call. */
  public String inputText() {
    if (inputText == null) {
      inputText = Json.write(input);
    }
    return inputText;
  }

  public long enteredEventId() {
    return enteredEventId;
  }

  public long enteredMillis() {
    return enteredMillis;
  }

  public long lastEventId() {
    return lastEventId;
  }

  public int retryCount() {
    return retryCount;
  }

  public Map<String, JsonNode> variables() {
    return variables;
  }

  public StateWork work() {
    return work;
  }

  /** The paged Distributed Map's progress, or null. */
  public MapRunProgress mapRun() {
    return mapRun;
  }

  /** The pending task, or null. */
  public TaskAttempt task() {
    return work instanceof TaskAttempt t ? t : null;
  }

  /** The Parallel branches or Map iterations, or null. */
  public ChildWork children() {
    return work instanceof ChildWork c ? c : null;
  }

  public Iterations iterations() {
    return work instanceof Iterations i ? i : null;
  }

  /** Attempts used by retrier {@code retrier} of {@code retrierCount} (counts reset if the list differs). */
  public int attemptsUsed(int retrier, int retrierCount) {
    return attempts(retrierCount)[retrier];
  }

  int[] retrierAttemptsForEncoding() {
    return retrierAttempts;
  }

  // ---- lifecycle transitions that need no timers ----

  /** ENTER to running: the StateEntered event {@code eventId} was written. */
  public void entered(long eventId, long millis) {
    require(phase == Phase.ENTER, "enter");
    enteredEventId = eventId;
    enteredMillis = millis;
    lastEventId = eventId;
    phase = Phase.RUNNING;
  }

  /** The frame's next event follows {@code eventId}. */
  public void follow(long eventId) {
    writable();
    lastEventId = eventId;
  }

  /** Records a paged Distributed Map's progress (null when it is done with). */
  public void trackMapRun(MapRunProgress progress) {
    writable();
    mapRun = progress;
  }

  /** UpdateMapRun: new limits (negative: unchanged), for the page in progress too. */
  public void updateMapRunLimits(int maxConcurrency, long toleratedFailureCount, double toleratedFailurePercentage) {
    writable();
    mapRun = mapRun.withLimits(maxConcurrency, toleratedFailureCount, toleratedFailurePercentage);
    if (maxConcurrency >= 0 && work instanceof Iterations i) {
      i.limitConcurrency(maxConcurrency);
    }
  }

  /** Applies an Assign result to this scope. */
  public void assign(JsonNode assigned) {
    writable();
    if (assigned == null || !assigned.isObject() || assigned.isEmpty()) {
      return;
    }
    Map<String, JsonNode> vars = new HashMap<>(variables);
    for (Iterator<Map.Entry<String, JsonNode>> it = assigned.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      vars.put(e.getKey(), e.getValue());
    }
    variables = vars;
  }

  /** Counts a retry by retrier {@code retrier}; returns its attempt number (1-based). */
  public int countRetry(int retrier, int retrierCount) {
    writable();
    int attempt = ++attempts(retrierCount)[retrier];
    retryCount++;
    return attempt;
  }

  /** Leaves the current state for {@code next} (which is entered on the next advance). */
  public void moveTo(String next, JsonNode nextInput, String nextInputText) {
    require(work == null, "move on while waiting for " + work);
    stateName = next;
    input = nextInput;
    inputText = nextInputText;
    phase = Phase.ENTER;
    retryCount = 0;
    retrierAttempts = null;
    mapRun = null;
  }

  /** Running to waiting for children. */
  public void fanOut(ChildWork children) {
    require(phase == Phase.RUNNING && work == null, "start children");
    work = children;
    phase = Phase.CHILDREN;
  }

  /** A child succeeded. */
  public void childSucceeded(int childIndex, JsonNode output) {
    writableChildren().finish(childIndex, output);
  }

  /** A Map iteration failed (counted as done). */
  public void iterationFailed() {
    writable();
    writableIterations().fail();
  }

  /** The Map tolerates a failed iteration: its error output is its result. */
  public void iterationTolerated(int childIndex, JsonNode errorOutput) {
    writableChildren().placeResult(childIndex, errorOutput);
  }

  /** Starts the next Map iteration: its index. */
  public int startIteration() {
    return writableIterations().startNext();
  }

  /** Hands over the prepared input of iteration {@code childIndex}. */
  public JsonNode takeIterationInput(int childIndex) {
    return writableIterations().takeInput(childIndex);
  }

  /** The children are done with (all succeeded, or discarded): the state is running again. */
  public void dropChildren() {
    writable();
    if (work instanceof ChildWork) {
      work = null;
      if (phase == Phase.CHILDREN) {
        phase = Phase.RUNNING;
      }
    }
  }

  /** Redrive: wait for children again; those at {@code rerunIndexes} run again. */
  public void reopenChildren(List<Integer> rerunIndexes) {
    ChildWork c = writableChildren();
    c.reopen(rerunIndexes);
    if (c instanceof Iterations i) {
      if (mapRun != null) {
        mapRun = mapRun.redriven(i.failed());
      }
      i.resetFailures();
    }
    phase = Phase.CHILDREN;
  }

  /** Redrive: a halted state runs again from its input, as if entered anew. */
  public void rerun(long previousEventId) {
    require(phase == Phase.HALTED && work == null, "run again");
    phase = Phase.ENTER;
    retryCount = 0;
    retrierAttempts = null;
    // Map iterations follow their MapIterationStarted event, everything else the ExecutionRedriven event.
    lastEventId = Math.max(lastEventId, previousEventId);
  }

  // ---- transitions with timers (through Run) ----

  void awaitTask(TaskAttempt task) {
    require(phase == Phase.RUNNING && work == null, "schedule a task");
    work = task;
    phase = Phase.TASK;
  }

  void replaceTask(TaskAttempt task) {
    require(phase == Phase.TASK, "update the task");
    work = task;
  }

  /** The task ended (result, failure or timeout): the state is running again. */
  void endTask() {
    require(phase == Phase.TASK, "end the task");
    work = null;
    phase = Phase.RUNNING;
  }

  void awaitTimer(WaitTimer timer) {
    require(phase == Phase.RUNNING && work == null, "wait");
    work = timer;
    phase = Phase.WAIT;
  }

  void waitOver() {
    require(phase == Phase.WAIT, "end the wait");
    work = null;
    phase = Phase.RUNNING;
  }

  void backOff(RetryBackoff backoff) {
    require(work == null, "back off");
    work = backoff;
    phase = Phase.BACKOFF;
  }

  /** Retry now (no back-off, or the back-off elapsed). */
  void retryNow() {
    require(work == null || work instanceof RetryBackoff, "retry");
    work = null;
    phase = Phase.RUNNING;
  }

  /** Stops where it stands; a frame waiting for children keeps them (and its phase) for a redrive. */
  void halt() {
    writable();
    if (!(work instanceof ChildWork)) {
      work = null;
    }
    if (phase != Phase.CHILDREN) {
      phase = Phase.HALTED;
    }
  }

  // ---- ownership ----

  Frame copy(Object newOwner) {
    Frame c = new Frame(id, parentId, index, newOwner);
    c.stateName = stateName;
    c.phase = phase;
    c.input = input;
    c.inputText = inputText;
    c.enteredEventId = enteredEventId;
    c.enteredMillis = enteredMillis;
    c.lastEventId = lastEventId;
    c.retryCount = retryCount;
    c.retrierAttempts = retrierAttempts == null ? null : retrierAttempts.clone();
    c.variables = variables;
    c.work = work instanceof ChildWork children ? children.copy() : work;
    c.mapRun = mapRun;
    return c;
  }

  boolean ownedBy(Object candidate) {
    return owner == candidate;
  }

  void seal() {
    owner = null;
  }

  private int[] attempts(int retrierCount) {
    if (retrierAttempts == null || retrierAttempts.length != retrierCount) {
      writable();
      retrierAttempts = new int[retrierCount];
    }
    return retrierAttempts;
  }

  private ChildWork writableChildren() {
    writable();
    require(work instanceof ChildWork, "report a child");
    return (ChildWork) work;
  }

  private Iterations writableIterations() {
    writable();
    require(work instanceof Iterations, "run Map iterations");
    return (Iterations) work;
  }

  private void writable() {
    if (owner == null) {
      throw new IllegalStateException("Frame " + id + " belongs to a published execution state");
    }
  }

  private void require(boolean allowed, String transition) {
    writable();
    if (!allowed) {
      throw new IllegalStateException("Frame " + id + " in state '" + stateName + "' cannot " + transition
          + " while " + phase + (work == null ? "" : " with " + work.getClass().getSimpleName()));
    }
  }

  @Override
  public String toString() {
    return "Frame[" + id + "<-" + parentId + " #" + index + " " + stateName + " " + phase + " " + work + "]";
  }
}
