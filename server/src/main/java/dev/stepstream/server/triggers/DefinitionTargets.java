package dev.stepstream.server.triggers;

import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Definitions;
import dev.stepstream.server.api.ops.AliasRouting;
import dev.stepstream.wire.StateMachineAlias;
import dev.stepstream.wire.StateMachineRecord;

/**
 * Trigger targets as the API's StartExecution resolves them: a state machine or version runs itself; an alias
 * runs the version it routes this execution name to (the same choice the API would make).
 */
final class DefinitionTargets implements TriggerTargets {
  private final Definitions definitions;

  DefinitionTargets(Definitions definitions) {
    this.definitions = definitions;
  }

  @Override
  public Target resolve(String target, String executionName) {
    Arns.Parsed parsed = Arns.parse(target).filter(p -> p.kind().equals("stateMachine"))
        .orElseThrow(() -> new IllegalArgumentException("the target '" + target + "' is not a state machine ARN"));
    String machine = target;
    String alias = null;
    if (parsed.isAlias()) {
      StateMachineAlias found = definitions.alias(target)
          .orElseThrow(() -> new IllegalArgumentException("the target alias '" + target + "' does not exist"));
      machine = AliasRouting.versionFor(found, executionName);
      alias = target;
    }
    if (definitions.find(machine, StateMachineRecord.KIND_STATE_MACHINE).isEmpty()) {
      throw new IllegalArgumentException("the target state machine '" + machine + "' does not exist");
    }
    return new Target(Arns.execution(machine, executionName), machine, alias);
  }
}
