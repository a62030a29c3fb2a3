package dev.stepstream.engine.states;

import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.ParallelState;
import dev.stepstream.asl.model.State;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.History;
import dev.stepstream.engine.runtime.Phase;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Continues the halted frames of a redriven execution: a halted state runs again from its input
 * (a new StateEntered event, retries counted from 0); a Parallel or Map that was waiting for its
 * branches/iterations keeps the results of those that succeeded and re-runs only the others.
 */
public final class Redrive {
  private Redrive() {}

  /** @param previousEventId the ExecutionRedriven event */
  public static void resumeFrames(Run run, long previousEventId) {
    List<Integer> ids = new ArrayList<>();
    for (Frame f : run.allFrames()) {
      ids.add(f.id());
    }
    ids.sort(null);
    for (int id : ids) {
      Frame f = run.frame(id);
      boolean waiting = f.phase() == Phase.CHILDREN || (f.phase() == Phase.HALTED && f.children() != null);
      if (waiting && hasChildren(run.state(f)) && !Children.below(run, f.id()).isEmpty()) {
        reopen(run, run.edit(id), previousEventId);
      } else if (waiting && MapRunChildExecutions.active(f)) {
        // Its children were executions of their own, stopped with it: the Map runs again as a new Map Run.
        Frame map = run.edit(id);
        Children.discard(run, map);
        run.halt(map);
      }
    }
    for (int id : ids) {
      Frame f = run.frame(id);
      if (f.phase() == Phase.HALTED) {
        rerun(run, run.edit(id), previousEventId);
      }
    }
  }

  private static boolean hasChildren(State s) {
    return s instanceof ParallelState || s instanceof MapState;
  }

  /** Back to waiting for children: those whose frames remain (halted) run again, the rest stay done. */
  private static void reopen(Run run, Frame p, long previousEventId) {
    List<Frame> direct = new ArrayList<>();
    List<Integer> rerunIndexes = new ArrayList<>();
    for (Frame child : Children.below(run, p.id())) {
      if (child.parentId() == p.id()) {
        direct.add(child);
        // A failure the Map tolerated is run again, so its error output is no longer a result.
        rerunIndexes.add(child.index());
      }
    }
    p.reopenChildren(rerunIndexes);
    if (run.state(p) instanceof MapState m) {
      for (Frame child : direct) {
        run.edit(child.id()).follow(run.emit("MapIterationStarted", previousEventId,
            "mapIterationStartedEventDetails", History.mapIteration(m.name(), child.index())));
      }
      MapStates.startMore(run, p, m);
    }
  }

  /** The state runs again from its input, as if entered anew. */
  private static void rerun(Run run, Frame f, long previousEventId) {
    if (f.children() != null) {
      Children.discard(run, f);
    }
    f.rerun(previousEventId);
    run.schedule(new Step.Advance(f.id()));
  }
}
