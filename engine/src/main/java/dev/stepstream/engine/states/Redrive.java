package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
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
      ids.add(f.id);
    }
    ids.sort(null);
    for (int id : ids) {
      Frame f = run.edit(id);
      boolean waiting = f.phase == Phase.CHILDREN || (f.phase == Phase.HALTED && f.childResults != null);
      if (waiting && hasChildren(run.state(f)) && !Children.below(run, f.id).isEmpty()) {
        reopen(run, f, previousEventId);
      }
    }
    for (int id : ids) {
      Frame f = run.edit(id);
      if (f.phase == Phase.HALTED) {
        rerun(run, f, previousEventId);
      }
    }
  }

  private static boolean hasChildren(State s) {
    return s instanceof ParallelState || s instanceof MapState;
  }

  /** Back to waiting for children: those whose frames remain (halted) run again, the rest stay done. */
  private static void reopen(Run run, Frame p, long previousEventId) {
    p.phase = Phase.CHILDREN;
    List<Frame> direct = new ArrayList<>();
    for (Frame child : Children.below(run, p.id)) {
      if (child.parentId == p.id) {
        direct.add(child);
        // A failure the Map tolerated is run again, so its error output is no longer a result.
        p.childResults[child.index] = null;
      }
    }
    int done = 0;
    for (JsonNode result : p.childResults) {
      done += result == null ? 0 : 1;
    }
    p.childrenDone = done;
    p.childrenFailed = 0;
    if (run.state(p) instanceof MapState m) {
      for (Frame child : direct) {
        run.edit(child.id).lastEventId = run.emit("MapIterationStarted", previousEventId,
            "mapIterationStartedEventDetails", History.mapIteration(m.name(), child.index));
      }
      if (p.childInputs != null) {
        MapStates.startMore(run, p, m);
      }
    }
  }

  /** The state runs again from its input, as if entered anew. */
  private static void rerun(Run run, Frame f, long previousEventId) {
    if (f.childResults != null) {
      Children.discard(run, f);
    }
    f.resetStateData();
    f.phase = Phase.ENTER;
    // Map iterations follow their MapIterationStarted event, everything else the ExecutionRedriven event.
    f.lastEventId = Math.max(f.lastEventId, previousEventId);
    run.queue.add(new Step.Advance(f.id));
  }
}
