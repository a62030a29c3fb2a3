package dev.stepstream.processor;

import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.engine.Definition;
import dev.stepstream.engine.EngineContext;
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

  ProcessorEngineContext(long nowMillis, String executionArn, long nextEventId, DefinitionCache definitions,
      TaskTokenKeys tokenKeys) {
    this.nowMillis = nowMillis;
    this.random = RandomSource.seeded(executionArn.hashCode() * 1_000_003L + nextEventId);
    this.definitions = definitions;
    this.tokenKeys = tokenKeys;
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
    return definitions.find(stateMachineArn, revisionId);
  }
}
