package dev.stepstream.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The Task that started an execution through {@code arn:aws:states:::states:startExecution[.sync[:2]]},
 * carried by the child's {@link StartExecution} and kept in its state: when a {@code .sync} or
 * {@code .sync:2} child ends, its result completes that Task by {@code taskToken}.
 *
 * @param executionArn the parent execution
 * @param taskToken the token of the parent's Task attempt
 * @param resource the parent Task's Resource ARN (its pattern suffix says whether and how to answer); for
 *     a Distributed Map's child execution, the Map Run's ARN
 * @param mapState for a Distributed Map's child execution, the name of the Map state whose ItemProcessor
 *     the child runs; null otherwise
 * @param revisionId for a Distributed Map's child execution, the revision of the parent's definition
 *     (the child runs the same one); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParentExecution(String executionArn, String taskToken, String resource, String mapState,
    String revisionId) {

  public ParentExecution {
    Require.text(executionArn, "ParentExecution", "executionArn");
    Require.text(taskToken, "ParentExecution", "taskToken");
    Require.text(resource, "ParentExecution", "resource");
  }

  /** A {@code states:startExecution} Task's child. */
  public ParentExecution(String executionArn, String taskToken, String resource) {
    this(executionArn, taskToken, resource, null, null);
  }

  /** True for a child execution of a Distributed Map's Map Run ({@link #resource} is the Map Run ARN). */
  public boolean mapRunChild() {
    return mapState != null;
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
    return !mapRunChild() && !waits() && !resource.endsWith(".waitForTaskToken");
  }
}
