package dev.stepstream.wire;

/** Restarts a failed, timed-out or aborted execution from the state that did not succeed. */
public record RedriveExecution(int version, String executionArn, long requestedAt) implements Command {

  public RedriveExecution {
    Require.version(version, "RedriveExecution");
    Require.text(executionArn, "RedriveExecution", "executionArn");
  }
}
