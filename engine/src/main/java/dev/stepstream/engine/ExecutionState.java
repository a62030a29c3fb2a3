package dev.stepstream.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.runtime.ExecutionHeader;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Timer;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ParentExecution;
import dev.stepstream.wire.ExecutionSummary;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable state of one execution (kept in a Kafka Streams store between commands). Immutable:
 * the interpreter returns a new instance; the frame and timer maps are never modified after
 * construction. Serialise with {@link ExecutionStateCodec}.
 */
public final class ExecutionState {
  private final Header header;
  private final Map<Integer, Frame> frames;
  private final Map<String, Timer> timers;
  private final AppliedInput lastApplied;

  /**
   * The scalar part of the state.
   *
   * @param stopMillis epoch milliseconds when the execution finished, or -1
   * @param sequence the last sequence number handed out (tokens, timers, continuations)
   * @param continueSequence the sequence of the pending ContinueLater, or -1
   * @param nextFrameId the id the next frame gets
   * @param lastEventId the id of the last event written (the predecessor of execution-level events)
   * @param executionTimerId the execution timeout timer, or null
   * @param stateMachineAliasArn the alias the execution was started through, or null
   * @param revisionId the definition revision the execution started with (it keeps running on it after
   *     an UpdateStateMachine), or null when unknown (states stored before format 5)
   * @param redriveMillis epoch milliseconds of the last redrive, or -1
   */
  public record Header(
      String executionArn,
      String stateMachineArn,
      String name,
      ExecutionStatus status,
      long startMillis,
      long stopMillis,
      JsonNode input,
      JsonNode output,
      String error,
      String cause,
      long nextEventId,
      int redriveCount,
      long sequence,
      long continueSequence,
      int nextFrameId,
      long lastEventId,
      String executionTimerId,
      String stateMachineAliasArn,
      String revisionId,
      long redriveMillis,
      ParentExecution parent,
      JsonNode finishedMapRuns) {
    public Header {
      Objects.requireNonNull(executionArn, "executionArn");
      Objects.requireNonNull(stateMachineArn, "stateMachineArn");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(input, "input");
    }

    /** A header without finished Map Runs (before format 7). */
    public Header(String executionArn, String stateMachineArn, String name, ExecutionStatus status, long startMillis,
        long stopMillis, JsonNode input, JsonNode output, String error, String cause, long nextEventId,
        int redriveCount, long sequence, long continueSequence, int nextFrameId, long lastEventId,
        String executionTimerId, String stateMachineAliasArn, String revisionId, long redriveMillis,
        ParentExecution parent) {
      this(executionArn, stateMachineArn, name, status, startMillis, stopMillis, input, output, error, cause,
          nextEventId, redriveCount, sequence, continueSequence, nextFrameId, lastEventId, executionTimerId,
          stateMachineAliasArn, revisionId, redriveMillis, parent, null);
    }

    /** A header of an execution that no parent Task started. */
    public Header(String executionArn, String stateMachineArn, String name, ExecutionStatus status, long startMillis,
        long stopMillis, JsonNode input, JsonNode output, String error, String cause, long nextEventId,
        int redriveCount, long sequence, long continueSequence, int nextFrameId, long lastEventId,
        String executionTimerId, String stateMachineAliasArn, String revisionId, long redriveMillis) {
      this(executionArn, stateMachineArn, name, status, startMillis, stopMillis, input, output, error, cause,
          nextEventId, redriveCount, sequence, continueSequence, nextFrameId, lastEventId, executionTimerId,
          stateMachineAliasArn, revisionId, redriveMillis, null);
    }

    /** A header without a known revision that was never redriven. */
    public Header(String executionArn, String stateMachineArn, String name, ExecutionStatus status, long startMillis,
        long stopMillis, JsonNode input, JsonNode output, String error, String cause, long nextEventId,
        int redriveCount, long sequence, long continueSequence, int nextFrameId, long lastEventId,
        String executionTimerId, String stateMachineAliasArn) {
      this(executionArn, stateMachineArn, name, status, startMillis, stopMillis, input, output, error, cause,
          nextEventId, redriveCount, sequence, continueSequence, nextFrameId, lastEventId, executionTimerId,
          stateMachineAliasArn, null, -1);
    }

    /**
     * This header with its parent's Map state and revision (format 8: a Distributed Map's child
     * execution); unchanged when there is no parent or no Map state.
     */
    public Header withMapRunParent(String mapState, String parentRevisionId) {
      if (parent == null || mapState == null) {
        return this;
      }
      ParentExecution mapParent = new ParentExecution(parent.executionArn(), parent.taskToken(), parent.resource(),
          mapState, parentRevisionId);
      return new Header(executionArn, stateMachineArn, name, status, startMillis, stopMillis, input, output, error,
          cause, nextEventId, redriveCount, sequence, continueSequence, nextFrameId, lastEventId, executionTimerId,
          stateMachineAliasArn, revisionId, redriveMillis, mapParent, finishedMapRuns);
    }
  }

  public ExecutionState(Header header, Map<Integer, Frame> frames, Map<String, Timer> timers) {
    this(header, frames, timers, null);
  }

  private ExecutionState(Header header, Map<Integer, Frame> frames, Map<String, Timer> timers, AppliedInput lastApplied) {
    this.header = Objects.requireNonNull(header, "header");
    this.frames = Collections.unmodifiableMap(frames);
    this.timers = Collections.unmodifiableMap(timers);
    this.lastApplied = lastApplied;
  }

  /**
   * The last applied input and its outputs, when the host recorded them (see {@link AppliedInput});
   * the interpreter never sets it and drops it from the states it returns.
   */
  public Optional<AppliedInput> lastApplied() {
    return Optional.ofNullable(lastApplied);
  }

  /** This state with {@code applied} (or nothing, when null) as its last applied input. */
  public ExecutionState withLastApplied(AppliedInput applied) {
    return new ExecutionState(header, frames, timers, applied);
  }

  public Header header() {
    return header;
  }

  /** The live frames by id (engine internal; read only). */
  public Map<Integer, Frame> frames() {
    return frames;
  }

  /** The pending timers by id (engine internal; read only). */
  public Map<String, Timer> timers() {
    return timers;
  }

  public String executionArn() {
    return header.executionArn();
  }

  public String stateMachineArn() {
    return header.stateMachineArn();
  }

  public String name() {
    return header.name();
  }

  public ExecutionStatus status() {
    return header.status();
  }

  public long startMillis() {
    return header.startMillis();
  }

  public Optional<Long> stopMillis() {
    return header.stopMillis() < 0 ? Optional.empty() : Optional.of(header.stopMillis());
  }

  public JsonNode input() {
    return header.input();
  }

  public Optional<JsonNode> output() {
    return Optional.ofNullable(header.output());
  }

  public Optional<String> error() {
    return Optional.ofNullable(header.error());
  }

  public Optional<String> cause() {
    return Optional.ofNullable(header.cause());
  }

  public long nextEventId() {
    return header.nextEventId();
  }

  public int redriveCount() {
    return header.redriveCount();
  }

  public ExecutionSummary summary() {
    return ExecutionHeader.of(header).summary();
  }

  /** Two states are equal when they serialise to the same bytes (used by replay checks). */
  @Override
  public boolean equals(Object other) {
    return other instanceof ExecutionState that
        && Arrays.equals(ExecutionStateCodec.encode(this), ExecutionStateCodec.encode(that));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ExecutionStateCodec.encode(this));
  }

  @Override
  public String toString() {
    return "ExecutionState[" + header + ", frames=" + frames.values() + ", timers=" + timers.values() + "]";
  }
}
