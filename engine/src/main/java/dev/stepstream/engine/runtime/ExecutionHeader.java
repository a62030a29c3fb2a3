package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.ParentExecution;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.WireVersions;

/**
 * The writable counterpart of {@link ExecutionState.Header} inside one {@code apply} call. It changes
 * only through the execution's lifecycle (started, redriven, finished) and the counters it hands out.
 */
public final class ExecutionHeader {
  private final String executionArn;
  private final String stateMachineArn;
  private final String name;
  private final String stateMachineAliasArn;
  private final long startMillis;
  private final JsonNode input;
  private final String revisionId;
  private final ParentExecution parent;
  private ExecutionStatus status;
  private long stopMillis = -1;
  private JsonNode output;
  private String error;
  private String cause;
  private long nextEventId = 1;
  private int redriveCount;
  private long sequence;
  private long continueSequence = -1;
  private int nextFrameId;
  private long lastEventId;
  private String executionTimerId;
  private long redriveMillis = -1;
  /** The counts of the last {@link #KEPT_MAP_RUNS} finished Map Runs by ARN, or null. */
  private ObjectNode finishedMapRuns;
  private static final int KEPT_MAP_RUNS = 100;

  private ExecutionHeader(String executionArn, String stateMachineArn, String name, String stateMachineAliasArn,
      long startMillis, JsonNode input, ExecutionStatus status, String revisionId, ParentExecution parent) {
    this.executionArn = executionArn;
    this.parent = parent;
    this.revisionId = revisionId;
    this.stateMachineArn = stateMachineArn;
    this.name = name;
    this.stateMachineAliasArn = stateMachineAliasArn;
    this.startMillis = startMillis;
    this.input = input;
    this.status = status;
  }

  /** A new RUNNING execution; it starts when requested, or at {@code nowMillis} when that is unknown. */
  public static ExecutionHeader started(StartExecution start, long nowMillis) {
    return started(start, nowMillis, null);
  }

  /** A new RUNNING execution pinned to the definition revision it starts with (null or "" when unknown). */
  public static ExecutionHeader started(StartExecution start, long nowMillis, String revisionId) {
    return new ExecutionHeader(start.executionArn(), start.stateMachineArn(), start.name(),
        start.stateMachineAliasArn(), start.requestedAt() > 0 ? start.requestedAt() : nowMillis, start.input(),
        ExecutionStatus.RUNNING, revisionId == null || revisionId.isEmpty() ? null : revisionId, start.parent());
  }

  public static ExecutionHeader of(ExecutionState.Header h) {
    ExecutionHeader w = new ExecutionHeader(h.executionArn(), h.stateMachineArn(), h.name(),
        h.stateMachineAliasArn(), h.startMillis(), h.input(), h.status(), h.revisionId(), h.parent());
    w.redriveMillis = h.redriveMillis();
    w.stopMillis = h.stopMillis();
    w.output = h.output();
    w.error = h.error();
    w.cause = h.cause();
    w.nextEventId = h.nextEventId();
    w.redriveCount = h.redriveCount();
    w.sequence = h.sequence();
    w.continueSequence = h.continueSequence();
    w.nextFrameId = h.nextFrameId();
    w.lastEventId = h.lastEventId();
    w.executionTimerId = h.executionTimerId();
    w.finishedMapRuns = h.finishedMapRuns() instanceof ObjectNode o ? o : null;
    return w;
  }

  public ExecutionState.Header toHeader() {
    return new ExecutionState.Header(executionArn, stateMachineArn, name, status, startMillis, stopMillis, input,
        output, error, cause, nextEventId, redriveCount, sequence, continueSequence, nextFrameId, lastEventId,
        executionTimerId, stateMachineAliasArn, revisionId, redriveMillis, parent, finishedMapRuns);
  }

  /** A finished Map Run's final counts (DescribeMapRun), the oldest dropped past {@link #KEPT_MAP_RUNS}. */
  public void mapRunFinished(String mapRunArn, JsonNode counts) {
    ObjectNode runs = finishedMapRuns == null ? Json.NODES.objectNode() : finishedMapRuns.deepCopy();
    runs.remove(mapRunArn);
    runs.set(mapRunArn, counts);
    while (runs.size() > KEPT_MAP_RUNS) {
      runs.remove(runs.fieldNames().next());
    }
    finishedMapRuns = runs;
  }

  public ExecutionSummary summary() {
    return new ExecutionSummary(WireVersions.CURRENT, executionArn, stateMachineArn, name, status, startMillis,
        stopMillis < 0 ? null : stopMillis, input, output, error, cause, redriveCount, stateMachineAliasArn,
        redriveMillis < 0 ? null : redriveMillis, revisionId, null,
        parent != null && parent.mapRunChild() ? parent.resource() : null);
  }

  // ---- lifecycle ----

  /** The execution ended with {@code status}; nothing is pending any more. */
  void finished(ExecutionStatus finalStatus, long nowMillis, JsonNode finalOutput, String finalError,
      String finalCause) {
    status = finalStatus;
    stopMillis = nowMillis;
    output = finalOutput;
    error = finalError;
    cause = finalCause;
    continueSequence = -1;
    executionTimerId = null;
  }

  /** RedriveExecution at {@code nowMillis}: running again, with the result of the last run cleared. */
  public void redriven(long nowMillis) {
    redriveCount++;
    redriveMillis = nowMillis;
    status = ExecutionStatus.RUNNING;
    stopMillis = -1;
    output = null;
    error = null;
    cause = null;
  }

  void executionTimer(String timerId) {
    executionTimerId = timerId;
  }

  void continueLater(long sequenceNumber) {
    continueSequence = sequenceNumber;
  }

  /** The pending continuation arrived. */
  public void continued() {
    continueSequence = -1;
  }

  long takeEventId() {
    lastEventId = nextEventId;
    return nextEventId++;
  }

  long takeSequence() {
    return ++sequence;
  }

  int takeFrameId() {
    return nextFrameId++;
  }

  // ---- reading ----

  public String executionArn() {
    return executionArn;
  }

  public String stateMachineArn() {
    return stateMachineArn;
  }

  public String name() {
    return name;
  }

  public ExecutionStatus status() {
    return status;
  }

  public long startMillis() {
    return startMillis;
  }

  public JsonNode input() {
    return input;
  }

  public int redriveCount() {
    return redriveCount;
  }

  public long nextEventId() {
    return nextEventId;
  }

  public long lastEventId() {
    return lastEventId;
  }

  public long continueSequence() {
    return continueSequence;
  }

  public String executionTimerId() {
    return executionTimerId;
  }

  /** The Task of the parent execution that started this one, or null. */
  public ParentExecution parent() {
    return parent;
  }

  public JsonNode output() {
    return output;
  }

  public long stopMillis() {
    return stopMillis;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  /** The definition revision the execution is pinned to, or null when unknown. */
  public String revisionId() {
    return revisionId;
  }
}
