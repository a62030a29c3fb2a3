package dev.stepstream.engine.runtime;

import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.ParallelState;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.StateGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Which states a frame runs in: the top level, a Parallel branch or a Map item processor (cached per call). */
final class ScopeGraphs {
  private final StateGraph rootGraph;
  private final IntFunction<Frame> frames;
  private final Map<Integer, StateGraph> graphs = new HashMap<>();

  ScopeGraphs(StateGraph rootGraph, IntFunction<Frame> frames) {
    this.rootGraph = rootGraph;
    this.frames = frames;
  }

  StateGraph graph(Frame f) {
    if (f.isRoot()) {
      return rootGraph;
    }
    StateGraph cached = graphs.get(f.id());
    if (cached != null) {
      return cached;
    }
    // Walk up to the nearest ancestor with a known graph, then resolve downwards (no recursion).
    List<Frame> chain = new ArrayList<>();
    Frame cursor = f;
    StateGraph known = null;
    while (known == null) {
      chain.add(cursor);
      Frame parent = frames.apply(cursor.parentId());
      if (parent == null) {
        throw new IllegalStateException("Frame " + cursor.id() + " has no parent " + cursor.parentId());
      }
      known = parent.isRoot() ? rootGraph : graphs.get(parent.id());
      cursor = parent;
    }
    StateGraph g = known;
    for (int i = chain.size() - 1; i >= 0; i--) {
      Frame child = chain.get(i);
      State container = g.states().get(frames.apply(child.parentId()).stateName());
      if (container instanceof ParallelState p) {
        g = p.branches().get(child.index());
      } else if (container instanceof MapState m) {
        g = m.itemProcessor().graph();
      } else {
        throw new IllegalStateException("Frame " + child.id() + " belongs to a " + container);
      }
      graphs.put(child.id(), g);
    }
    return g;
  }

  void forget(int frameId) {
    graphs.remove(frameId);
  }

  void clear() {
    graphs.clear();
  }
}
