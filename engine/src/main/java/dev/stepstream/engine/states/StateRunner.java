package dev.stepstream.engine.states;

import dev.stepstream.asl.model.ChoiceState;
import dev.stepstream.asl.model.FailState;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.ParallelState;
import dev.stepstream.asl.model.PassState;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.SucceedState;
import dev.stepstream.asl.model.TaskState;
import dev.stepstream.asl.model.WaitState;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.History;
import dev.stepstream.engine.runtime.Phase;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;

/** Runs a frame's current state (entering it first) and routes child completions to Parallel/Map. */
public final class StateRunner {
  private StateRunner() {}

  public static void advance(Run run, Frame f) {
    State s = run.state(f);
    if (f.phase() == Phase.ENTER) {
      long id = run.emit(History.enteredType(s), f.lastEventId(), "stateEnteredEventDetails",
          History.entered(s.name(), f.inputText()));
      f.entered(id, run.now());
    }
    if (s instanceof PassState p) {
      SimpleStates.pass(run, f, p);
    } else if (s instanceof TaskState t) {
      TaskStates.enter(run, f, t);
    } else if (s instanceof ChoiceState c) {
      SimpleStates.choice(run, f, c);
    } else if (s instanceof WaitState w) {
      WaitStates.enter(run, f, w);
    } else if (s instanceof SucceedState su) {
      SimpleStates.succeed(run, f, su);
    } else if (s instanceof FailState fa) {
      SimpleStates.fail(run, f, fa);
    } else if (s instanceof ParallelState pa) {
      ParallelStates.enter(run, f, pa);
    } else if (s instanceof MapState m) {
      MapStates.enter(run, f, m);
    }
  }

  public static void waitTimerFired(Run run, Frame f) {
    if (run.state(f) instanceof WaitState w) {
      WaitStates.timerFired(run, f, w);
    }
  }

  public static void childDone(Run run, Step.ChildDone done) {
    Frame p = parentAwaitingChildren(run, done.parentId());
    if (p == null) {
      return;
    }
    State s = run.state(p);
    if (s instanceof ParallelState pa) {
      ParallelStates.childDone(run, p, pa, done);
    } else if (s instanceof MapState m) {
      MapStates.childDone(run, p, m, done);
    }
  }

  public static void childFailed(Run run, Step.ChildFailed failed) {
    Frame p = parentAwaitingChildren(run, failed.parentId());
    if (p == null) {
      return;
    }
    State s = run.state(p);
    if (s instanceof ParallelState pa) {
      ParallelStates.childFailed(run, p, pa, failed);
    } else if (s instanceof MapState m) {
      MapStates.childFailed(run, p, m, failed);
    }
  }

  /** The Parallel/Map frame a child reports to, or null when it no longer waits for children. */
  private static Frame parentAwaitingChildren(Run run, int parentId) {
    Frame p = run.edit(parentId);
    return p == null || p.phase() != Phase.CHILDREN ? null : p;
  }
}
