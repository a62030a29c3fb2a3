package dev.stepstream.engine.states;

import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.ParallelState;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.TaskState;
import dev.stepstream.asl.model.WaitState;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.History;
import dev.stepstream.engine.runtime.Phase;
import dev.stepstream.engine.runtime.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events AWS writes for the states that were running when an execution is stopped:
 * TaskStateAborted, WaitStateAborted, MapIterationAborted, MapStateAborted and ParallelStateAborted
 * (innermost first). States without such an event type (Pass, Choice, ...) never wait, so they are
 * not running at a stop.
 */
public final class AbortEvents {
  private AbortEvents() {}

  public static void emit(Run run) {
    Map<Integer, List<Frame>> children = new HashMap<>();
    Frame root = null;
    for (Frame f : run.allFrames()) {
      if (f.isRoot()) {
        root = f;
      } else {
        children.computeIfAbsent(f.parentId(), k -> new ArrayList<>()).add(f);
      }
    }
    children.values().forEach(list -> list.sort(Comparator.comparingInt(Frame::index)));
    if (root != null) {
      visit(run, root, children);
    }
  }

  private static void visit(Run run, Frame f, Map<Integer, List<Frame>> children) {
    if (f.phase() == Phase.ENTER || f.phase() == Phase.HALTED) {
      return;
    }
    State s = run.state(f);
    Frame w = run.edit(f.id());
    if (f.phase() == Phase.CHILDREN) {
      for (Frame child : children.getOrDefault(f.id(), List.of())) {
        visit(run, child, children);
        if (s instanceof MapState && child.phase() != Phase.HALTED) {
          w.follow(run.emit("MapIterationAborted", run.frame(child.id()).lastEventId(),
              "mapIterationAbortedEventDetails", History.mapIteration(s.name(), child.index())));
        }
      }
    }
    if (s instanceof TaskState || s instanceof WaitState || s instanceof ParallelState || s instanceof MapState) {
      run.emitFor(w, History.typeName(s) + "StateAborted", null, null);
    }
  }
}
