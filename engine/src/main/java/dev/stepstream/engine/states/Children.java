package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Phase;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/** Starting and aborting the child frames of a Parallel or Map state. */
final class Children {
  private Children() {}

  static Frame start(Run run, Frame parent, int index, String startAt, JsonNode input, long previousEventId) {
    Frame c = run.newFrame(parent.id, index);
    c.stateName = startAt;
    c.input = input;
    c.phase = Phase.ENTER;
    c.lastEventId = previousEventId;
    run.queue.add(new Step.Advance(c.id));
    return c;
  }

  /**
   * Removes every frame below {@code parent} and cancels their timers; their late task results and
   * timers are then ignored. {@code onDirectChild} sees the index of each aborted direct child.
   */
  static void abortAll(Run run, Frame parent, IntConsumer onDirectChild) {
    Set<Integer> doomed = new HashSet<>();
    List<Frame> direct = new ArrayList<>();
    for (Frame f : run.allFrames()) {
      if (isBelow(run, f, parent.id)) {
        doomed.add(f.id);
        if (f.parentId == parent.id) {
          direct.add(f);
        }
      }
    }
    List<String> timerIds = new ArrayList<>();
    for (Frame f : run.allFrames()) {
      if (doomed.contains(f.id)) {
        addTimers(timerIds, f);
      }
    }
    timerIds.forEach(run::cancelTimer);
    doomed.forEach(run::removeFrame);
    if (onDirectChild != null) {
      direct.stream().mapToInt(f -> f.index).sorted().forEach(onDirectChild);
    }
  }

  private static void addTimers(List<String> ids, Frame f) {
    for (String id : new String[] {f.timerId, f.timeoutTimerId, f.heartbeatTimerId}) {
      if (id != null) {
        ids.add(id);
      }
    }
  }

  private static boolean isBelow(Run run, Frame f, int ancestorId) {
    int cursor = f.parentId;
    while (cursor != Frame.NO_PARENT) {
      if (cursor == ancestorId) {
        return true;
      }
      Frame up = run.frame(cursor);
      if (up == null) {
        return false;
      }
      cursor = up.parentId;
    }
    return false;
  }
}
