package dev.stepstream.asl.model;

/** The service integration pattern chosen by a Task Resource suffix. */
public enum IntegrationPattern {
  /** No suffix: call and continue with the response. */
  REQUEST_RESPONSE,
  /** {@code .sync} or {@code .sync:2}: run a job and wait for it to complete. */
  RUN_JOB,
  /** {@code .waitForTaskToken}: wait until SendTaskSuccess/Failure returns the task token. */
  WAIT_FOR_TASK_TOKEN
}
