package dev.stepstream.wire;

/**
 * A durable timer of an execution came due (Wait, retry back-off, task or heartbeat timeout,
 * execution timeout). {@code timerId} lets the engine ignore a timer it has already cancelled.
 */
public record TimerFired(int version, String executionArn, String timerId, long dueAt) implements Command {

  public TimerFired {
    Require.version(version, "TimerFired");
    Require.text(executionArn, "TimerFired", "executionArn");
    Require.text(timerId, "TimerFired", "timerId");
  }
}
