package dev.stepstream.processor;

import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.WireRecord;
import org.slf4j.MDC;

/**
 * Puts the execution ARN and the state name into the SLF4J MDC while one input is applied, so every
 * log line of the processor (and of the engine under it) names the execution and state it concerns.
 * The processor adds the execution's trace id ({@value #TRACE_ID}) once it knows it.
 */
final class ExecutionMdc implements AutoCloseable {
  static final String EXECUTION_ARN = "executionArn";
  static final String STATE_NAME = "stateName";
  static final String TRACE_ID = "traceId";
  static final int SCANNED_FRAMES = 64;

  private ExecutionMdc() {}

  static ExecutionMdc open(String executionArn, ExecutionState state, WireRecord input) {
    MDC.put(EXECUTION_ARN, executionArn);
    String stateName = stateName(state, input);
    if (stateName != null) {
      MDC.put(STATE_NAME, stateName);
    }
    return new ExecutionMdc();
  }

  /**
   * The state a task result answers (looked for among at most {@value #SCANNED_FRAMES} frames, so a
   * Map of thousands of iterations costs no scan per result), else the top-level frame's state.
   */
  static String stateName(ExecutionState state, WireRecord input) {
    if (state == null) {
      return null;
    }
    if (input instanceof TaskResult result && state.frames().size() <= SCANNED_FRAMES) {
      for (Frame frame : state.frames().values()) {
        if (frame.task() != null && frame.task().token().equals(result.taskToken())) {
          return frame.stateName();
        }
      }
    }
    Frame root = state.frames().get(Frame.ROOT);
    return root == null ? null : root.stateName();
  }

  @Override
  public void close() {
    MDC.remove(EXECUTION_ARN);
    MDC.remove(STATE_NAME);
    MDC.remove(TRACE_ID);
  }
}
