package dev.stepstream.wire;

import java.util.List;

/**
 * A state machine alias on the compacted definitions topic, keyed by its ARN
 * ({@code <state machine ARN>:<alias name>}). A tombstone deletes it. The processor never reads
 * aliases: the API resolves an alias to one of its versions before it writes a StartExecution.
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
}
