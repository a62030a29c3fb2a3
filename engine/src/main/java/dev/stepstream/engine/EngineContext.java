package dev.stepstream.engine;

import dev.stepstream.asl.eval.RandomSource;
import java.util.Optional;

/**
 * Everything the interpreter may read from outside the execution state: the time, randomness and
 * definitions. Nothing else (no clock, no I/O), so a replay with the same context values yields
 * the same decision.
 */
public interface EngineContext {

  /** The current time in epoch milliseconds (the command's time in the processor, virtual in run-local). */
  long nowMillis();

  /** The only source of randomness (task tokens, jitter, States.MathRandom, $uuid ...). */
  RandomSource random();

  /**
   * The nonce of a new task token for {@code executionArn} and {@code sequence}. By default a random
   * UUID (run-local); the processor signs it with its task token keys so that tokens cannot be forged.
   */
  default String taskTokenNonce(String executionArn, long sequence) {
    return random().nextUuid();
  }

  /** The compiled definition of a state machine, if it exists. */
  Optional<Definition> definition(String stateMachineArn);

  /**
   * The definition an execution runs on: the given revision of the state machine (an execution keeps
   * the definition it started with across UpdateStateMachine), or the current one when the revision is
   * null or no longer known.
   */
  default Optional<Definition> definition(String stateMachineArn, String revisionId) {
    return definition(stateMachineArn);
  }

  /**
   * True when the host runs a Distributed Map's items as child executions of their own (the processor:
   * it delivers their StartExecution commands and their ends); false to run them as iterations of the
   * Map's frame (run-local). Read once when a Map Run starts and kept in its progress.
   */
  default boolean mapRunChildExecutions() {
    return false;
  }

  /**
   * True when task results are mocked responses (run-local {@code --mocks}) that already carry the
   * error and cause to record, as in Step Functions Local; false for real workers, whose Lambda
   * function errors the engine turns into AWS's error document.
   */
  default boolean mockedTaskResults() {
    return false;
  }
}
