package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.NO_TERMINAL;
import static dev.stepstream.asl.validate.DiagnosticCodes.UNREACHABLE_STATE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In each scope at least one state must end it (Succeed, Fail or "End": true), and every state must
 * be reachable from StartAt (through Next, Default, Choices and Catch). As on AWS (floci-io/floci
 * PR #2786 measured it), a scope with no terminal state at all reports only that, and a terminal
 * state that is merely unreachable is reported as unreachable. A StartAt naming no state leaves every
 * state unreachable (AWS output quoted in serverless-step-functions#250).
 */
public final class ReachabilityRule implements ValidationRule {

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    Map<String, List<StateView>> byScope = new HashMap<>();
    for (StateView state : definition.states()) {
      byScope.computeIfAbsent(state.scope().pointer(), k -> new java.util.ArrayList<>()).add(state);
    }
    for (ScopeView scope : definition.scopes()) {
      List<StateView> states = byScope.getOrDefault(scope.pointer(), List.of());
      String startAt = scope.startAt();
      if (startAt != null && !states.isEmpty()) {
        checkScope(scope, states, startAt, out);
      }
    }
  }

  private void checkScope(ScopeView scope, List<StateView> states, String startAt, Diagnostics out) {
    Map<String, StateView> byName = new HashMap<>();
    states.forEach(s -> byName.put(s.name(), s));
    Set<String> reached = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(startAt));
    while (!pending.isEmpty()) {
      String name = pending.pop();
      StateView state = byName.get(name);
      if (state != null && reached.add(name)) {
        Transitions.of(state).forEach(t -> pending.push(t.stateName()));
      }
    }
    if (states.stream().noneMatch(ReachabilityRule::terminal)) {
      out.error(NO_TERMINAL, scope.statesPointer(), AwsMessages.NO_TERMINAL_STATE);
      return;
    }
    for (StateView state : states) {
      if (!reached.contains(state.name())) {
        out.error(UNREACHABLE_STATE, state.pointer(), AwsMessages.notReachable(state.name()));
      }
    }
  }

  private static boolean terminal(StateView state) {
    String type = state.type();
    JsonNode end = state.get("End");
    return "Succeed".equals(type) || "Fail".equals(type) || (end.isBoolean() && end.booleanValue());
  }
}
