package dev.stepstream.engine.commands;

import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.TaskState;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.TaskAttempt;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import dev.stepstream.engine.runtime.Timer;
import dev.stepstream.engine.runtime.TimerKind;
import dev.stepstream.engine.states.StateRunner;
import dev.stepstream.engine.states.DistributedMaps;
import dev.stepstream.engine.states.MapRunChildExecutions;
import dev.stepstream.engine.task.MapRunChildren;
import dev.stepstream.engine.states.TaskStates;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import java.util.Optional;

/** TimerFired and task results: each finds its frame, or reports why it is stale. */
public final class Signals {
  private Signals() {}

  /** @return empty when applied, else why it was ignored */
  public static Optional<String> timerFired(Run run, String timerId) {
    Timer t = run.timer(timerId);
    if (t == null) {
      return Optional.of("unknown or cancelled timer " + timerId);
    }
    if (t.kind() == TimerKind.EXECUTION_TIMEOUT) {
      run.executionTimerFired(t);
      Lifecycle.executionTimedOut(run);
      return Optional.empty();
    }
    Frame f = run.timerFired(t);
    if (f == null) {
      return Optional.of("timer " + timerId + " belongs to a finished scope");
    }
    run.quiet(DistributedMaps.inside(run, f));
    switch (t.kind()) {
      case WAIT -> run.schedule(new Step.Call(f.id(), () -> StateRunner.waitTimerFired(run, f)));
      case RETRY_BACKOFF -> run.schedule(new Step.Advance(f.id()));
      case TASK_TIMEOUT -> TaskStates.timedOut(run, f, (TaskState) run.state(f), ErrorNames.TIMEOUT);
      case HEARTBEAT_TIMEOUT -> TaskStates.timedOut(run, f, (TaskState) run.state(f), ErrorNames.HEARTBEAT_TIMEOUT);
      default -> {
        return Optional.of("unexpected timer kind " + t.kind());
      }
    }
    return Optional.empty();
  }

  public static Optional<String> taskResult(Run run, TaskResult result) {
    if (MapRunChildren.isChildToken(result.taskToken())) {
      return MapRunChildExecutions.result(run, result);
    }
    Frame found = null;
    for (Frame f : run.allFrames()) {
      TaskAttempt task = f.task();
      if (task != null && result.taskToken().equals(task.token())) {
        found = f;
        break;
      }
    }
    if (found == null) {
      return Optional.of("unknown or stale task token");
    }
    Frame f = run.edit(found.id());
    State s = run.state(f);
    if (s instanceof MapState m) {
      // A Distributed Map's ItemReader or ResultWriter task.
      if (result instanceof TaskSucceeded ok) {
        run.schedule(new Step.Call(f.id(), () -> DistributedMaps.taskSucceeded(run, f, m, ok.output())));
      } else if (result instanceof TaskFailed failed) {
        run.schedule(new Step.Call(f.id(), () -> DistributedMaps.taskFailed(run, f, failed.error(), failed.cause())));
      }
      return Optional.empty();
    }
    if (!(s instanceof TaskState t)) {
      return Optional.of("task token of a frame that is not in a Task state");
    }
    run.quiet(DistributedMaps.inside(run, f));
    if (result instanceof TaskHeartbeat heartbeat) {
      TaskStates.heartbeat(run, f, t, heartbeat.workerName());
    } else if (result instanceof TaskSucceeded ok) {
      run.schedule(new Step.Call(f.id(), () -> TaskStates.succeeded(run, f, t, ok.output())));
    } else if (result instanceof TaskFailed failed) {
      TaskStates.failed(run, f, t, failed.error(), failed.cause());
    }
    return Optional.empty();
  }
}
