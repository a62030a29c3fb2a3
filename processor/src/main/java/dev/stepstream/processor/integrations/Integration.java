package dev.stepstream.processor.integrations;

import java.util.concurrent.CompletableFuture;

/** One service integration that Stepstream runs itself: a task request in, a {@link Plan} out. */
public interface Integration {
  /** Never throws for bad input: a call that cannot be made is a {@link Plan#failed} plan. */
  Plan plan(Call call);

  /**
   * Starts the call; the runner waits for every call of a poll before its Kafka transaction begins,
   * so that slow work (an HTTP call) never runs inside the transaction.
   */
  default CompletableFuture<Plan> start(Call call) {
    return CompletableFuture.completedFuture(plan(call));
  }

  /** Headers that carry a {@code .waitForTaskToken} task's token to whoever answers it. */
  String TASK_TOKEN_HEADER = "stepstream-task-token";
  String EXECUTION_ARN_HEADER = "stepstream-execution-arn";
}
