package dev.stepstream.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.engine.Decision;
import dev.stepstream.engine.Definition;
import dev.stepstream.engine.Effect;
import dev.stepstream.engine.EngineContext;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.engine.Interpreter;
import dev.stepstream.wire.Continue;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TimerFired;
import dev.stepstream.wire.WireRecord;
import dev.stepstream.wire.WireVersions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One execution driven to its end: feeds the interpreter the start command, then every mocked task
 * result, continuation and (in virtual-time order) timer it asks for. Single use, not thread-safe.
 */
final class LocalRun implements EngineContext {
  private final Interpreter interpreter;
  private final Definition definition;
  private final MockedTasks tasks;
  private final LocalIntegrations integrations;
  private final RandomSource random;
  private final long maxAppliedInputs;
  private final AppliedInputObserver observer;
  private final ArrayDeque<WireRecord> immediate = new ArrayDeque<>();
  private final VirtualTimers timers = new VirtualTimers();
  private final List<HistoryEvent> history = new ArrayList<>();
  private long nowMillis;
  private ExecutionState state;

  LocalRun(Interpreter interpreter, Definition definition, MockedTasks tasks, LocalIntegrations integrations,
      RandomSource random, long startMillis, long maxAppliedInputs, AppliedInputObserver observer) {
    this.integrations = integrations;
    this.interpreter = interpreter;
    this.observer = observer;
    this.definition = definition;
    this.tasks = tasks;
    this.random = random;
    this.nowMillis = startMillis;
    this.maxAppliedInputs = maxAppliedInputs;
  }

  RunResult execute(String executionArn, JsonNode input) {
    String name = executionArn.substring(executionArn.lastIndexOf(':') + 1);
    immediate.add(new StartExecution(WireVersions.CURRENT, executionArn, definition.arn(), name, input, nowMillis));
    long applied = 0;
    while (true) {
      WireRecord next = immediate.poll();
      if (next == null) {
        if (state == null || state.status() != ExecutionStatus.RUNNING) {
          return finished();
        }
        Optional<VirtualTimers.Due> due = timers.pollNext();
        if (due.isEmpty()) {
          return RunResult.failed(LocalRunner.STALLED,
              "The execution is still running but waits for nothing the local runner can deliver", history);
        }
        nowMillis = Math.max(nowMillis, due.get().dueAtMillis());
        next = new TimerFired(WireVersions.CURRENT, executionArn, due.get().timerId(), due.get().dueAtMillis());
      }
      if (++applied > maxAppliedInputs) {
        return RunResult.failed(LocalRunner.RUNAWAY_EXECUTION, "The execution did not finish within "
            + maxAppliedInputs + " commands and task results; it probably loops forever", history);
      }
      try {
        apply(executionArn, next);
      } catch (RuntimeException e) {
        // The interpreter promises never to throw; if it does, report it like its own internal errors.
        return RunResult.failed(ErrorNames.RUNTIME, "Internal error: " + e, history);
      }
      if (state != null && state.status() != ExecutionStatus.RUNNING) {
        return finished();
      }
    }
  }

  private void apply(String executionArn, WireRecord input) {
    Decision decision = interpreter.apply(state, input, this);
    observer.applied(definition, input, nowMillis, decision);
    decision.state().ifPresent(s -> state = s);
    history.addAll(decision.events());
    for (Effect effect : decision.effects()) {
      handle(executionArn, effect);
    }
  }

  private void handle(String executionArn, Effect effect) {
    if (effect instanceof Effect.ScheduleTask schedule) {
      immediate.add(LocalIntegrations.serves(schedule.request())
          ? integrations.answer(schedule.request()) : tasks.answer(schedule.request()));
    } else if (effect instanceof Effect.StartTimer start) {
      timers.start(start.timerId(), start.dueAtMillis());
    } else if (effect instanceof Effect.CancelTimer cancel) {
      timers.cancel(cancel.timerId());
    } else if (effect instanceof Effect.ContinueLater later) {
      immediate.add(new Continue(WireVersions.CURRENT, executionArn, later.sequence()));
    }
    // PublishSummary: nothing to publish locally; the final state is read directly. SendCommand and
    // SendTaskResult concern other executions, which a local run has none of.
  }

  private RunResult finished() {
    if (state == null) {
      return RunResult.failed(ErrorNames.RUNTIME, "The execution did not start", history);
    }
    ExecutionStatus status = state.status();
    JsonNode output = state.status() == ExecutionStatus.SUCCEEDED ? state.output().orElse(null) : null;
    return new RunResult(status, output, state.error().orElse(null), state.cause().orElse(null), history);
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
    return definition.arn().equals(stateMachineArn) ? Optional.of(definition) : Optional.empty();
  }

  /** Mocked Throw responses are recorded as written (Step Functions Local). */
  @Override
  public boolean mockedTaskResults() {
    return true;
  }
}
