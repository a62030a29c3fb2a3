package dev.stepstream.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.engine.runtime.Phase;
import dev.stepstream.engine.runtime.TimerKind;
import dev.stepstream.wire.ExecutionStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Pins the stored code of every enum constant the execution state format holds. A failure here means
 * stored states would read differently: never change a code, add new constants with new codes.
 */
class StoredCodesTest {

  @Test
  void shouldKeepEveryExecutionStatusCode() {
    assertCodes(ExecutionStatus.values(), ExecutionStatus::code, ExecutionStatus::fromCode,
        Map.of("RUNNING", 0, "SUCCEEDED", 1, "FAILED", 2, "TIMED_OUT", 3, "ABORTED", 4, "PENDING_REDRIVE", 5));
  }

  @Test
  void shouldKeepEveryTimerKindCode() {
    assertCodes(TimerKind.values(), TimerKind::code, TimerKind::fromCode, Map.of("WAIT", 0, "RETRY_BACKOFF", 1,
        "TASK_TIMEOUT", 2, "HEARTBEAT_TIMEOUT", 3, "EXECUTION_TIMEOUT", 4));
  }

  @Test
  void shouldKeepEveryPhaseCode() {
    assertCodes(Phase.values(), Phase::code, Phase::fromCode, Map.of("ENTER", 0, "RUNNING", 1, "TASK", 2, "WAIT", 3,
        "BACKOFF", 4, "CHILDREN", 5, "HALTED", 6));
  }

  @Test
  void shouldRefuseUnknownCodes() {
    assertThatThrownBy(() -> ExecutionStatus.fromCode(6)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown execution status code 6 in a stored execution state");
    assertThatThrownBy(() -> TimerKind.fromCode(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown timer kind code -1 in a stored execution state");
    assertThatThrownBy(() -> Phase.fromCode(7)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown frame phase code 7 in a stored execution state");
  }

  private static <E extends Enum<E>> void assertCodes(
      E[] constants, Function<E, Integer> code, IntFunction<E> fromCode, Map<String, Integer> expected) {
    Map<String, Integer> actual = new LinkedHashMap<>();
    for (E constant : constants) {
      actual.put(constant.name(), code.apply(constant));
      assertThat(fromCode.apply(code.apply(constant))).isSameAs(constant);
    }
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(Arrays.stream(constants).map(code).distinct().count()).isEqualTo(constants.length);
  }
}
