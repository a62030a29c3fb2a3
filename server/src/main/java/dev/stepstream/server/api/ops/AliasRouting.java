package dev.stepstream.server.api.ops;

import dev.stepstream.wire.StateMachineAlias;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Chooses the version an alias runs for one execution. AWS chooses at random by the weights; here
 * the choice is a hash of the alias ARN and the execution name, so over many names it follows the
 * weights and a retried start (same name) always picks the same version.
 */
public final class AliasRouting {
  private AliasRouting() {}

  public static String versionFor(StateMachineAlias alias, String executionName) {
    List<StateMachineAlias.Route> routes = alias.routing();
    StateMachineAlias.Route first = routes.get(0);
    if (routes.size() == 1) {
      return first.stateMachineVersionArn();
    }
    return bucket(alias.arn(), executionName) < first.weight()
        ? first.stateMachineVersionArn() : routes.get(1).stateMachineVersionArn();
  }

  /** 0..99, stable for the pair. */
  static int bucket(String aliasArn, String executionName) {
    CRC32 crc = new CRC32();
    crc.update((aliasArn + "\n" + executionName).getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 100);
  }
}
