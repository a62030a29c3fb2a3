package dev.stepstream.server.api.ops;

import dev.stepstream.wire.StateMachineAlias;

/**
 * Chooses the version an alias runs for one execution ({@link StateMachineAlias#versionFor}: a hash of
 * the alias ARN and the execution name, so a retried start always picks the same version).
 */
public final class AliasRouting {
  private AliasRouting() {}

  public static String versionFor(StateMachineAlias alias, String executionName) {
    return alias.versionFor(executionName);
  }

  /** 0..99, stable for the pair. */
  static int bucket(String aliasArn, String executionName) {
    return StateMachineAlias.bucket(aliasArn, executionName);
  }
}
