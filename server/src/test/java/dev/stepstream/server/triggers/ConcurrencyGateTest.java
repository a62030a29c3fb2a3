package dev.stepstream.server.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.TriggerRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrencyGateTest {
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Orders";
  private final List<ExecutionSummary> stored = new ArrayList<>();
  private final List<String> asked = new ArrayList<>();

  private ConcurrencyGate gate(Integer limit, String target) {
    TriggerRecord trigger = new TriggerRecord(1, "arn:aws:states:us-east-1:123456789012:trigger:t", "t", "orders",
        target, null, null, null, TriggerRecord.LATEST, null, TriggerRecord.ACTIVE, 1L, 1L, limit);
    return new ConcurrencyGate(trigger, machine -> {
      asked.add(machine);
      return stored;
    });
  }

  private void store(String name, ExecutionStatus status) {
    stored.add(new ExecutionSummary(1, MACHINE.replace("stateMachine", "execution") + ":" + name, MACHINE + ":1", name,
        status, 1L, null, null, null, null, null, 0, null));
  }

  @Test
  void shouldAlwaysHaveRoomWithoutALimit() {
    ConcurrencyGate gate = gate(null, MACHINE);

    assertThat(gate.limited()).isFalse();
    assertThat(gate.free(0L)).isEqualTo(Integer.MAX_VALUE);
    assertThat(asked).isEmpty();
  }

  @Test
  void shouldCountOnlyTheTriggersUnfinishedExecutionsOfTheUnqualifiedTarget() {
    store("orders-0-1", ExecutionStatus.RUNNING);
    store("orders-3-7", ExecutionStatus.PENDING_REDRIVE);
    store("orders-0-2", ExecutionStatus.SUCCEEDED);
    store("manual-run", ExecutionStatus.RUNNING);
    store("payments-0-1", ExecutionStatus.RUNNING);
    ConcurrencyGate gate = gate(3, MACHINE + ":prod");

    assertThat(gate.free(0L)).isEqualTo(1);
    assertThat(gate.running()).isEqualTo(2);
    assertThat(asked).containsExactly(MACHINE);
  }

  @Test
  void shouldCountCommittedStartsUntilTheStoreShowsThem() {
    ConcurrencyGate gate = gate(2, MACHINE);
    String first = MACHINE.replace("stateMachine", "execution") + ":orders-0-1";
    String second = MACHINE.replace("stateMachine", "execution") + ":orders-0-2";
    gate.committed(List.of(first, second), 0L);

    assertThat(gate.free(1_000L)).isZero();

    store("orders-0-1", ExecutionStatus.SUCCEEDED);
    assertThat(gate.free(2_000L)).as("the first finished, the second is not stored yet").isEqualTo(1);
  }

  @Test
  void shouldForgetACommittedStartTheStoreNeverShows() {
    ConcurrencyGate gate = gate(1, MACHINE);
    gate.committed(List.of(MACHINE.replace("stateMachine", "execution") + ":orders-0-1"), 0L);

    assertThat(gate.free(ConcurrencyGate.PENDING_EXPIRY.toMillis())).isZero();
    assertThat(gate.free(ConcurrencyGate.PENDING_EXPIRY.toMillis() + 1)).isEqualTo(1);
  }
}
