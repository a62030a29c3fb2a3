package dev.stepstream.wire;

/**
 * The Task that started an execution through {@code arn:aws:states:::states:startExecution[.sync[:2]]},
 * carried by the child's {@link StartExecution} and kept in its state: when a {@code .sync} or
 * {@code .sync:2} child ends, its result completes that Task by {@code taskToken}.
 *
 * @param executionArn the parent execution
 * @param taskToken the token of the parent's Task attempt
 * @param resource the parent Task's Resource ARN (its pattern suffix says whether and how to answer)
 */
public record ParentExecution(String executionArn, String taskToken, String resource) {

  public ParentExecution {
    Require.text(executionArn, "ParentExecution", "executionArn");
    Require.text(taskToken, "ParentExecution", "taskToken");
    Require.text(resource, "ParentExecution", "resource");
  }

  /** {@code .sync}: the parent waits and gets the DescribeExecution shape with Input and Output as strings. */
  public boolean sync() {
    return resource.endsWith(".sync");
  }

  /** {@code .sync:2}: the parent waits and gets Input and Output as JSON. */
  public boolean sync2() {
    return resource.endsWith(".sync:2");
  }

  /** True when the child's end completes the parent's Task. */
  public boolean waits() {
    return sync() || sync2();
  }

  /**
   * Request-response: the child's start completes the parent's Task (with StartExecution's answer),
   * so that a start that fails (no such state machine, name taken) fails the Task instead.
   */
  public boolean answeredAtStart() {
    return !waits() && !resource.endsWith(".waitForTaskToken");
  }
}
