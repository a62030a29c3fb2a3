package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.engine.AppliedInput;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.ExecutionStateCodec;
import dev.stepstream.wire.StartExecution;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayRecipeTest {
  private static final long T0 = 1_767_225_600_000L;
  private final Executions executions = new Executions(Executions.TASK);

  @Test
  void shouldKeepOnlyTheTimeForAStart() {
    byte[] recipe = ReplayRecipe.of(T0, null, null);

    assertThat(recipe).hasSize(9);
    assertThat(ReplayRecipe.read(recipe)).isEqualTo(new ReplayRecipe.Decided(T0, null));
  }

  @Test
  void shouldKeepTheStateBeforeAStepWithoutItsOwnLastAppliedInput() {
    StartExecution start = Executions.startOf("run-1", T0);
    ExecutionState before = executions.apply(null, start, T0).state().orElseThrow()
        .withLastApplied(new AppliedInput("start:" + start.executionArn(), new byte[5_000]));

    byte[] recipe = ReplayRecipe.of(T0 + 7, before, null);

    assertThat(ReplayRecipe.read(recipe)).isEqualTo(new ReplayRecipe.Decided(T0 + 7, before.withLastApplied(null)));
    assertThat(recipe).hasSize(9 + ExecutionStateCodec.encode(before.withLastApplied(null)).length);
  }

  @Test
  void shouldCutTheStateBeforeFromItsStoredBytesAsEncodingItAgainWould() {
    StartExecution start = Executions.startOf("run-1", T0);
    ExecutionState before = executions.apply(null, start, T0).state().orElseThrow()
        .withLastApplied(new AppliedInput("start:" + start.executionArn(), new byte[300]));

    byte[] fromStored = ReplayRecipe.of(T0 + 7, before, ExecutionStateCodec.encode(before));

    assertThat(fromStored).isEqualTo(ReplayRecipe.of(T0 + 7, before, null));
  }

  @Test
  void shouldTellARecipeFromTheOutputsEarlierVersionsRecorded() {
    byte[] recorded = Outputs.ofRecorded(List.of(new Outputs.Command(new byte[] {1, 2}))).toBytes(Integer.MAX_VALUE);

    assertThat(ReplayRecipe.isRecipe(ReplayRecipe.of(T0, null, null))).isTrue();
    assertThat(ReplayRecipe.isRecipe(recorded)).isFalse();
    assertThat(ReplayRecipe.isRecipe(new byte[] {0, 0, 0, 1})).isFalse(); // recorded format 1
    assertThat(ReplayRecipe.isRecipe(new byte[0])).isFalse();
    assertThatThrownBy(() -> ReplayRecipe.read(recorded)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a replay recipe");
  }
}
