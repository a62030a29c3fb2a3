package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.WireVersions;

/** The writable counterpart of {@link ExecutionState.Header} inside one {@code apply} call. */
public final class ExecutionHeader {
  public String executionArn;
  public String stateMachineArn;
  public String name;
  public ExecutionStatus status;
  public long startMillis;
  public long stopMillis = -1;
  public JsonNode input;
  public JsonNode output;
  public String error;
  public String cause;
  public long nextEventId = 1;
  public int redriveCount;
  public long sequence;
  public long continueSequence = -1;
  public int nextFrameId;
  public long lastEventId;
  public String executionTimerId;
  public String stateMachineAliasArn;

  public static ExecutionHeader of(ExecutionState.Header h) {
    ExecutionHeader w = new ExecutionHeader();
    w.executionArn = h.executionArn();
    w.stateMachineArn = h.stateMachineArn();
    w.name = h.name();
    w.status = h.status();
    w.startMillis = h.startMillis();
    w.stopMillis = h.stopMillis();
    w.input = h.input();
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
    w.stateMachineAliasArn = h.stateMachineAliasArn();
    return w;
  }

  public ExecutionState.Header toHeader() {
    return new ExecutionState.Header(executionArn, stateMachineArn, name, status, startMillis, stopMillis, input,
        output, error, cause, nextEventId, redriveCount, sequence, continueSequence, nextFrameId, lastEventId,
        executionTimerId, stateMachineAliasArn);
  }

  public ExecutionSummary summary() {
    return new ExecutionSummary(WireVersions.CURRENT, executionArn, stateMachineArn, name, status, startMillis,
        stopMillis < 0 ? null : stopMillis, input, output, error, cause, redriveCount, stateMachineAliasArn);
  }
}
