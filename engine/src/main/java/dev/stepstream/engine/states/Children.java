package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.stepstream.engine.runtime.ChildWork;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Phase;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Starting, halting and discarding the child frames of a Parallel or Map state. */
public final class Children {
  private Children() {}

  static Frame start(Run run, Frame parent, int index, String startAt, JsonNode input, long previousEventId) {
    Frame c = run.newFrame(parent.id(), index, startAt, input, null, previousEventId);
    run.schedule(new Step.Advance(c.id()));
    return c;
  }

  /**
   * Halts every frame below {@code parent}: their timers are cancelled and late task results are
   * ignored, but they stay (with their position) so that a redrive can run them again.
   * {@code onDirectChild} sees the index of each direct child that was still running.
   */
  static void haltAll(Run run, Frame parent, IntConsumer onDirectChild) {
    List<Frame> below = below(run, parent.id());
    List<Integer> abortedIndexes = new ArrayList<>();
    for (Frame f : below) {
      if (f.parentId() == parent.id() && f.phase() != Phase.HALTED) {
        abortedIndexes.add(f.index());
      }
      run.halt(run.edit(f.id()));
    }
    if (onDirectChild != null) {
      abortedIndexes.stream().mapToInt(Integer::intValue).sorted().forEach(onDirectChild);
    }
  }

  /** Removes the (halted) frames left below a Parallel/Map that is left or run again. */
  static void discard(Run run, Frame parent) {
    for (Frame f : below(run, parent.id())) {
      run.halt(run.edit(f.id()));
      run.removeFrame(f.id());
    }
    parent.dropChildren();
  }

  /** The children's results in index order (the output of a Parallel or Map). */
  static ArrayNode results(ChildWork children) {
    ArrayNode result = Json.NODES.arrayNode(children.size());
    for (int i = 0; i < children.size(); i++) {
      result.add(children.result(i));
    }
    return result;
  }

  /** The frames below {@code ancestorId}, in id order. */
  public static List<Frame> below(Run run, int ancestorId) {
    List<Frame> found = new ArrayList<>();
    for (Frame f : run.allFrames()) {
      if (isBelow(run, f, ancestorId)) {
        found.add(f);
      }
    }
    found.sort((a, b) -> Integer.compare(a.id(), b.id()));
    return found;
  }

  private static boolean isBelow(Run run, Frame f, int ancestorId) {
    int cursor = f.parentId();
    while (cursor != Frame.NO_PARENT) {
      if (cursor == ancestorId) {
        return true;
      }
      Frame up = run.frame(cursor);
      if (up == null) {
        return false;
      }
      cursor = up.parentId();
    }
    return false;
  }
}
