package dev.stepstream.processor;

import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.engine.Definition;
import dev.stepstream.engine.EngineContext;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.TaskTokenKeys;
import java.util.Optional;

/**
 * The engine's view of the outside world for one apply call. Randomness is seeded from the
 * execution and its event counter, so re-processing the same input after a crash (at-least-once
 * profile) produces the same task tokens and timer ids. Task tokens are signed with the deployment's
 * keys, so only the engine can make one.
 */
final class ProcessorEngineContext implements EngineContext {
  private final long nowMillis;
  private final RandomSource random;
  private final DefinitionCache definitions;
  private final TaskTokenKeys tokenKeys;
  private final String startRevisionId;

  private ProcessorEngineContext(long nowMillis, String executionArn, long nextEventId, DefinitionCache definitions,
      TaskTokenKeys tokenKeys, String startRevisionId) {
    this.nowMillis = nowMillis;
    this.random = RandomSource.seeded(executionArn.hashCode() * 1_000_003L + nextEventId);
    this.definitions = definitions;
    this.tokenKeys = tokenKeys;
    this.startRevisionId = startRevisionId;
  }

  /** The context for applying an input to {@code state} (null: the execution has none yet) at {@code nowMillis}. */
  static ProcessorEngineContext of(long nowMillis, String executionArn, ExecutionState state,
      DefinitionCache definitions, TaskTokenKeys tokenKeys) {
    return new ProcessorEngineContext(nowMillis, executionArn, state == null ? 1 : state.nextEventId(), definitions,
        tokenKeys, null);
  }

  /**
   * A context for deciding an execution's start again (the fast profile's replay): a start reads its
   * state machine's current definition, and this one reads {@code revisionId} (the revision the
   * execution did start with) even if the state machine was updated since.
   */
  static ProcessorEngineContext startedWith(String revisionId, long nowMillis, String executionArn,
      DefinitionCache definitions, TaskTokenKeys tokenKeys) {
    return new ProcessorEngineContext(nowMillis, executionArn, 1, definitions, tokenKeys, revisionId);
  }

  @Override
  public String taskTokenNonce(String executionArn, long sequence) {
    return tokenKeys.nonce(executionArn, sequence);
  }

  /** The processor runs a Distributed Map's items as child executions across partitions. */
  @Override
  public boolean mapRunChildExecutions() {
    return true;
  }

  @Override
  public long nowMillis() {
    return nowMillis;
  }

  @Override
  public RandomSource random() {
    return random;
  }

  @Override
  public Optional<Definition> definition(String stateMachineArn) {
    return definitions.find(stateMachineArn);
  }

  @Override
  public Optional<Definition> definition(String stateMachineArn, String revisionId) {
    return definitions.find(stateMachineArn, revisionId != null ? revisionId : startRevisionId);
  }
}
