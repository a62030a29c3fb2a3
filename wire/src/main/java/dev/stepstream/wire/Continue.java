package dev.stepstream.wire;

/**
 * Resumes an execution that stopped advancing because it reached the per-call transition bound
 * (an endless Pass/Choice loop must not starve the stream thread).
 */
public record Continue(int version, String executionArn, long sequence) implements Command {

  public Continue {
    Require.version(version, "Continue");
    Require.text(executionArn, "Continue", "executionArn");
  }
}
