package dev.stepstream.processor.integrations;

/** One service integration that Stepstream runs itself: a task request in, a {@link Plan} out. */
public interface Integration {
  /** Never throws for bad input: a call that cannot be made is a {@link Plan#failed} plan. */
  Plan plan(Call call);

  /** Headers that carry a {@code .waitForTaskToken} task's token to whoever answers it. */
  String TASK_TOKEN_HEADER = "stepstream-task-token";
  String EXECUTION_ARN_HEADER = "stepstream-execution-arn";
}
