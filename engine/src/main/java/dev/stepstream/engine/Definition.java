package dev.stepstream.engine;

import dev.stepstream.asl.model.StateGraph;
import dev.stepstream.asl.model.StateMachine;
import java.util.Objects;

/**
 * A compiled state machine as the engine runs it.
 *
 * @param arn the state machine ARN
 * @param name the state machine name
 * @param revisionId the revision the execution started with
 * @param type STANDARD or EXPRESS
 * @param roleArn the role ARN (reported in the context object and history), may be empty
 * @param machine the compiled definition
 * @param graph {@code machine}'s top-level states as a graph, built once here rather than on every step
 */
public record Definition(
    String arn, String name, String revisionId, String type, String roleArn, StateMachine machine, StateGraph graph) {
  public Definition(String arn, String name, String revisionId, String type, String roleArn, StateMachine machine) {
    this(arn, name, revisionId, type, roleArn, machine, Objects.requireNonNull(machine, "machine").graph());
  }

  public Definition {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(revisionId, "revisionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(roleArn, "roleArn");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(graph, "graph");
  }
}
