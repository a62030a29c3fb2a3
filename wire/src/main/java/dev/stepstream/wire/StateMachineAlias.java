package dev.stepstream.wire;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import java.util.List;

/**
 * A state machine alias on the compacted definitions topic, keyed by its ARN
 * ({@code <state machine ARN>:<alias name>}). A tombstone deletes it. The API resolves an alias to one
 * of its versions before it writes a StartExecution; the processor reads aliases only for schedules
 * that target one, with the same choice ({@link #versionFor}).
 *
 * @param stateMachineArn the unqualified ARN of the state machine the alias belongs to
 * @param routing one or two versions of that state machine with weights summing to 100
 * @param createdAt epoch milliseconds
 * @param updatedAt epoch milliseconds
 */
public record StateMachineAlias(
    int version,
    String arn,
    String name,
    String stateMachineArn,
    String description,
    List<Route> routing,
    long createdAt,
    long updatedAt) implements WireRecord {

  /** One routing entry: a version ARN and the percentage of starts it receives. */
  public record Route(String stateMachineVersionArn, int weight) {
    public Route {
      Require.text(stateMachineVersionArn, "StateMachineAlias.Route", "stateMachineVersionArn");
    }
  }

  public StateMachineAlias {
    Require.version(version, "StateMachineAlias");
    Require.text(arn, "StateMachineAlias", "arn");
    Require.text(name, "StateMachineAlias", "name");
    Require.text(stateMachineArn, "StateMachineAlias", "stateMachineArn");
    Require.present(routing, "StateMachineAlias", "routing");
    routing = List.copyOf(routing);
  }

  /**
   * The version this alias runs for one execution name. AWS chooses at random by the weights; here the
   * choice is a hash of the alias ARN and the execution name, so over many names it follows the weights
   * and a retried start (same name) always picks the same version.
   */
  public String versionFor(String executionName) {
    Route first = routing.get(0);
    if (routing.size() == 1) {
      return first.stateMachineVersionArn();
    }
    return bucket(arn, executionName) < first.weight() ? first.stateMachineVersionArn()
        : routing.get(1).stateMachineVersionArn();
  }

  /** 0..99, stable for the pair. */
  public static int bucket(String aliasArn, String executionName) {
    CRC32 crc = new CRC32();
    crc.update((aliasArn + "\n" + executionName).getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 100);
  }
}
