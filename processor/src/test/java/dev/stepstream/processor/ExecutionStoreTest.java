package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExecutionStoreTest {
  private final MapStore<String, byte[]> store = new MapStore<>(StepstreamTopology.EXECUTIONS_STORE);
  private final ExecutionStore executions = new ExecutionStore(store, 100);

  @Test
  void shouldReadARunningExecutionItWroteWithoutTheStore() {
    executions.put("a", bytes(10, 1), true);

    assertThat(executions.get("a")).isEqualTo(bytes(10, 1));
    assertThat(store.gets).isZero();
    assertThat(store.map.get("a")).isEqualTo(bytes(10, 1));
  }

  @Test
  void shouldReadTheStoreForAClosedExecutionAndForgetItsRunningCopy() {
    executions.put("a", bytes(10, 1), true);
    executions.put("a", bytes(12, 2), false);

    assertThat(executions.get("a")).isEqualTo(bytes(12, 2));
    assertThat(store.gets).isEqualTo(1);
    assertThat(executions.cachedCount()).isZero();
  }

  @Test
  void shouldReadTheNewestBytesAfterEveryWrite() {
    executions.put("a", bytes(10, 1), true);
    executions.put("a", bytes(20, 2), true);

    assertThat(executions.get("a")).isEqualTo(bytes(20, 2));
    assertThat(store.gets).isZero();
  }

  @Test
  void shouldForgetADeletedExecution() {
    executions.put("a", bytes(10, 1), true);
    executions.delete("a");

    assertThat(executions.get("a")).isNull();
    assertThat(store.map).isEmpty();
    assertThat(store.gets).isEqualTo(1);
  }

  @Test
  void shouldDropTheLeastRecentlyUsedCopiesOverItsBudget() {
    executions.put("a", bytes(40, 1), true);
    executions.put("b", bytes(40, 2), true);
    executions.get("a");
    executions.put("c", bytes(40, 3), true);

    assertThat(executions.cachedCount()).isEqualTo(2);
    assertThat(executions.get("a")).isEqualTo(bytes(40, 1));
    assertThat(executions.get("c")).isEqualTo(bytes(40, 3));
    assertThat(store.gets).isZero();
    assertThat(executions.get("b")).isEqualTo(bytes(40, 2));
    assertThat(store.gets).isEqualTo(1);
  }

  @Test
  void shouldReadTheStoreAgainAfterItIsCleared() {
    executions.put("a", bytes(10, 1), true);
    store.map.put("a", bytes(10, 9));
    executions.clear();

    assertThat(executions.get("a")).isEqualTo(bytes(10, 9));
    assertThat(store.gets).isEqualTo(1);
  }

  private static byte[] bytes(int length, int fill) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) fill);
    return bytes;
  }
}
