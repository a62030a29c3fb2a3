package dev.stepstream.asl.model;

/** What a Task {@code Resource} ARN points at. */
public enum ResourceKind {
  /** {@code arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]}. */
  LAMBDA_FUNCTION,
  /** {@code arn:<partition>:states:<region>:<account>:activity:<name>}. */
  ACTIVITY,
  /** {@code arn:<partition>:states:::<service>:<api>[.sync|.sync:2|.waitForTaskToken]}. */
  SERVICE_INTEGRATION,
  /** Any other well-formed ARN. */
  OTHER
}
