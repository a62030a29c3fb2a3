package dev.stepstream.server.triggers;

/** Resolves a trigger's target (state machine, version or alias ARN) for one execution name. */
@FunctionalInterface
interface TriggerTargets {
  /** What one start runs: the execution ARN, the state machine or version to run, and the alias (or null). */
  record Target(String executionArn, String stateMachineArn, String aliasArn) {}

  /** @throws IllegalArgumentException when the target does not exist (the record is then dead-lettered) */
  Target resolve(String target, String executionName);
}
