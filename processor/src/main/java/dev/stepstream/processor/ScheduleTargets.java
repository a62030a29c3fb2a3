package dev.stepstream.processor;

import dev.stepstream.wire.StateMachineAlias;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule's target (state machine, version or alias ARN) for one execution name, as the API's
 * StartExecution resolves it: an alias runs the version it routes that name to, read from the
 * definitions store. A state machine that does not exist is left to the start itself (parked, then
 * dead-lettered, like any start).
 */
final class ScheduleTargets {
  private static final Pattern MACHINE =
      Pattern.compile("arn:aws:states:([^:]+):([^:]+):stateMachine:([^:]+)(?::([^:]+))?");

  record Target(String executionArn, String stateMachineArn, String aliasArn) {}

  private final Function<String, byte[]> definitions;

  ScheduleTargets(Function<String, byte[]> definitions) {
    this.definitions = definitions;
  }

  /** @throws IllegalArgumentException when the target is no state machine ARN or its alias is gone */
  Target resolve(String target, String executionName) {
    Matcher m = MACHINE.matcher(target);
    if (!m.matches()) {
      throw new IllegalArgumentException("the target '" + target + "' is not a state machine ARN");
    }
    String executionArn = "arn:aws:states:" + m.group(1) + ":" + m.group(2) + ":execution:" + m.group(3) + ":"
        + executionName;
    String qualifier = m.group(4);
    if (qualifier == null || qualifier.chars().allMatch(Character::isDigit)) {
      return new Target(executionArn, target, null);
    }
    byte[] stored = definitions.apply(target);
    if (stored == null) {
      throw new IllegalArgumentException("the target alias '" + target + "' does not exist");
    }
    try {
      StateMachineAlias alias = WireJson.decode(stored, StateMachineAlias.class);
      return new Target(executionArn, alias.versionFor(executionName), target);
    } catch (WireFormatException e) {
      throw new IllegalArgumentException("the target alias '" + target + "' cannot be read: " + e.getMessage(), e);
    }
  }
}
