package dev.stepstream.wire;

/** Stops (aborts) a running execution, with an optional error and cause as in StopExecution. */
public record StopExecution(int version, String executionArn, String error, String cause, long requestedAt)
    implements Command {

  public StopExecution {
    Require.version(version, "StopExecution");
    Require.text(executionArn, "StopExecution", "executionArn");
  }
}
