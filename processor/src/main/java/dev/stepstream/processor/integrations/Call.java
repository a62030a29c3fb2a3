package dev.stepstream.processor.integrations;

import dev.stepstream.wire.TaskRequest;
import java.util.function.Supplier;

/**
 * One task request to a built-in integration, with what the integration may use besides it.
 *
 * @param waitForTaskToken the Resource ends in {@code .waitForTaskToken}: the Task completes later
 *     by its token, so the call writes only the target records
 * @param nowMillis the runner's wall clock when the request was taken
 * @param ids fresh unique ids (message and event ids)
 * @param topics creates target topics on first use where allowed
 */
public record Call(TaskRequest request, boolean waitForTaskToken, long nowMillis, Supplier<String> ids,
    TargetTopics topics) {

  /** The region of the execution ARN ({@code arn:aws:states:<region>:<account>:execution:...}). */
  public String region() {
    return arnPart(3);
  }

  public String account() {
    return arnPart(4);
  }

  private String arnPart(int index) {
    String[] parts = request.executionArn().split(":", 6);
    return parts.length > index ? parts[index] : "";
  }

  /** Makes sure a target topic exists: true when it exists or was created, false when it may not be. */
  @FunctionalInterface
  public interface TargetTopics {
    boolean ensure(String topic);
  }
}
