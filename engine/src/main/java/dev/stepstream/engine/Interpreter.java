package dev.stepstream.engine;

import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.engine.commands.Lifecycle;
import dev.stepstream.engine.commands.Redriving;
import dev.stepstream.engine.commands.Signals;
import dev.stepstream.engine.runtime.ExecutionHeader;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.states.Driver;
import dev.stepstream.engine.states.MapRunUpdates;
import dev.stepstream.engine.task.MapRunChildren;
import dev.stepstream.engine.task.NestedStartAnswers;
import dev.stepstream.wire.Command;
import dev.stepstream.wire.Continue;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.RedriveExecution;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.UpdateMapRun;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TimerFired;
import dev.stepstream.wire.WireRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The execution semantics of AWS Step Functions as a pure function: (state, input, context) to a
 * {@link Decision}. Thread-safe and stateless apart from its options. Never throws: a bug inside
 * fails the execution with States.Runtime and "Internal error: ..." so the caller keeps running.
 */
public final class Interpreter {
  private final EngineOptions options;

  public Interpreter(EngineOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public Decision apply(ExecutionState stateOrNull, WireRecord input, EngineContext ctx) {
    try {
      return applyUnguarded(stateOrNull, input, ctx);
    } catch (RuntimeException | StackOverflowError e) {
      return internalError(stateOrNull, input, ctx, e);
    }
  }

  private Decision applyUnguarded(ExecutionState state, WireRecord input, EngineContext ctx) {
    if (input instanceof StartExecution start) {
      return start(state, start, ctx);
    }
    if (!(input instanceof Command) && !(input instanceof TaskResult)) {
      return Decision.ignored(state, "not a command or task result: " + (input == null ? "null" : input.getClass().getSimpleName()));
    }
    if (state == null) {
      return Decision.ignored(null, "no such execution");
    }
    String arn = input instanceof Command c ? c.executionArn() : ((TaskResult) input).executionArn();
    if (!state.executionArn().equals(arn)) {
      return Decision.ignored(state, "record for another execution: " + arn);
    }
    if (input instanceof RedriveExecution redrive) {
      return redrive(state, redrive, ctx);
    }
    if (state.status().finished()) {
      return Decision.ignored(state, "execution is " + state.status());
    }
    Optional<Definition> definition = MapRunChildren.definition(ctx, state.stateMachineArn(), state.header().revisionId(), state.header().parent());
    if (definition.isEmpty()) {
      return Decision.ignored(state, "unknown state machine " + state.stateMachineArn());
    }
    Run run = new Run(options, ctx, definition.get(), ExecutionHeader.of(state.header()), state.frames(), state.timers());
    Optional<String> ignored = dispatch(run, input);
    if (ignored.isPresent()) {
      return Decision.ignored(state, ignored.get());
    }
    run.quiet(false);
    Driver.drain(run);
    return new Decision(Optional.of(run.freeze()), run.events(), run.effects(), Optional.empty());
  }

  private Optional<String> dispatch(Run run, WireRecord input) {
    if (input instanceof StopExecution stop) {
      Lifecycle.stop(run, stop);
    } else if (input instanceof TimerFired timer) {
      return Signals.timerFired(run, timer.timerId());
    } else if (input instanceof Continue cont) {
      if (cont.sequence() != run.header().continueSequence()) {
        return Optional.of("stale continuation " + cont.sequence());
      }
      Lifecycle.resume(run);
    } else if (input instanceof TaskResult result) {
      return Signals.taskResult(run, result);
    } else if (input instanceof UpdateMapRun update) {
      return MapRunUpdates.apply(run, update);
    } else {
      return Optional.of("unsupported record " + input.getClass().getSimpleName());
    }
    return Optional.empty();
  }

  private Decision start(ExecutionState state, StartExecution start, EngineContext ctx) {
    if (state != null) {
      // A parent Task learns that the name is taken; the execution itself is left as it is.
      return NestedStartAnswers.nameTaken(state, start)
          .map(answer -> new Decision(Optional.empty(), List.of(), List.of(new Effect.SendTaskResult(answer)),
              Optional.empty()))
          .orElseGet(() -> Decision.ignored(state, "execution already exists"));
    }
    Optional<Definition> definition = MapRunChildren.definition(ctx, start.stateMachineArn(), null, start.parent());
    if (definition.isEmpty()) {
      return Decision.ignored(null, "unknown state machine " + start.stateMachineArn());
    }
    ExecutionHeader header = ExecutionHeader.started(start, ctx.nowMillis(), definition.get().revisionId());
    Run run = new Run(options, ctx, definition.get(), header, new HashMap<>(), new LinkedHashMap<>());
    Lifecycle.start(run, start);
    Driver.drain(run);
    return new Decision(Optional.of(run.freeze()), run.events(), run.effects(), Optional.empty());
  }

  private Decision redrive(ExecutionState state, RedriveExecution command, EngineContext ctx) {
    Optional<Definition> definition = MapRunChildren.definition(ctx, state.stateMachineArn(), state.header().revisionId(), state.header().parent());
    if (definition.isEmpty()) {
      return Decision.ignored(state, "unknown state machine " + state.stateMachineArn());
    }
    Optional<String> refused = Redriving.notRedrivable(state, definition.get(), options, ctx.nowMillis());
    if (refused.isPresent()) {
      return Decision.ignored(state, refused.get());
    }
    Run run = new Run(options, ctx, definition.get(), ExecutionHeader.of(state.header()), state.frames(), state.timers());
    // The redrive date is the request's, as RedriveExecution answered it.
    Redriving.redrive(run, command.requestedAt() > 0 ? command.requestedAt() : ctx.nowMillis());
    Driver.drain(run);
    return new Decision(Optional.of(run.freeze()), run.events(), run.effects(), Optional.empty());
  }

  private Decision internalError(ExecutionState state, WireRecord input, EngineContext ctx, Throwable e) {
    String cause = "Internal error: " + e;
    if (state == null || state.status().finished()) {
      return Decision.ignored(state, cause);
    }
    try {
      Optional<Definition> definition = MapRunChildren.definition(ctx, state.stateMachineArn(), state.header().revisionId(), state.header().parent());
      if (definition.isEmpty()) {
        return Decision.ignored(state, cause);
      }
      Run run = new Run(options, ctx, definition.get(), ExecutionHeader.of(state.header()), state.frames(), state.timers());
      run.failExecution(ErrorNames.RUNTIME, cause, run.header().lastEventId());
      return new Decision(Optional.of(run.freeze()), run.events(), run.effects(), Optional.empty());
    } catch (RuntimeException again) {
      return Decision.ignored(state, cause + " (and " + again + ")");
    }
  }
}
