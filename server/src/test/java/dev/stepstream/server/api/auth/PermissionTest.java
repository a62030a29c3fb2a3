package dev.stepstream.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermissionTest {
  @Test
  void shouldLetReadOnlyKeysDescribeListGetValidateAndTestState() {
    for (String op : new String[] {"DescribeExecution", "ListStateMachines", "GetExecutionHistory",
        "ValidateStateMachineDefinition", "TestState"}) {
      assertThat(Permission.READ_ONLY.allows(op)).as(op).isTrue();
    }
  }

  @Test
  void shouldRefuseReadOnlyKeysEverythingThatChangesState() {
    for (String op : new String[] {"StartExecution", "CreateStateMachine", "SendTaskSuccess", "GetActivityTask",
        "DeleteStateMachine", "TagResource", ""}) {
      assertThat(Permission.READ_ONLY.allows(op)).as(op).isFalse();
    }
    assertThat(Permission.OPERATOR.allows("StartExecution")).isTrue();
  }
}
