package dev.stepstream.processor;

import dev.stepstream.engine.Decision;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.Interpreter;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TaskTokenKeys;
import dev.stepstream.wire.WireRecord;
import java.util.Optional;

/**
 * The fast profile's replay of a duplicate input ({@link DuplicateReplay}): decides it again on the
 * state it was first applied to, at the time it was first decided, and gives the outputs that
 * decision writes, which are those the first one wrote.
 */
final class RepeatDecision {
  private final Interpreter interpreter;
  private final DefinitionCache definitions;
  private final TaskTokenKeys tokenKeys;
  private final ExecutionTraces traces;

  RepeatDecision(Interpreter interpreter, DefinitionCache definitions, TaskTokenKeys tokenKeys, ExecutionTraces traces) {
    this.interpreter = interpreter;
    this.definitions = definitions;
    this.tokenKeys = tokenKeys;
    this.traces = traces;
  }

  /**
   * @param stored the execution's state now, which {@code input} led to (a start is decided again on
   *     its revision)
   * @param before the state {@code input} was applied to; null for the execution's start
   */
  Optional<Outputs> outputs(String arn, ExecutionState stored, ExecutionState before, WireRecord input,
      long decidedAtMillis) {
    ProcessorEngineContext context = before != null
        ? ProcessorEngineContext.of(decidedAtMillis, arn, before, definitions, tokenKeys)
        : ProcessorEngineContext.startedWith(stored.header().revisionId(), decidedAtMillis, arn, definitions, tokenKeys);
    Decision decision = interpreter.apply(before, input, context);
    if (!decision.applied()) {
      return Optional.empty();
    }
    ExecutionState after = decision.state().orElse(stored);
    if (before == null && input instanceof StartExecution start) {
      traces.started(start, after.startMillis()); // its trace record may have been lost with the outputs
    }
    return Optional.of(Outputs.of(arn, WorkerOutputs.attach(input, decision.events()),
        ExecutionTraces.stamp(decision.effects(), traces.find(arn, after))));
  }
}
