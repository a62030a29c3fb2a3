package dev.stepstream.engine.runtime;

import dev.stepstream.engine.Effect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The execution's pending timers for one call (copy-on-write), with their Start/Cancel effects. */
final class Timers {
  private Map<String, Timer> timers;
  private boolean owned;
  private final List<Effect> effects;
  private final ExecutionHeader header;

  Timers(Map<String, Timer> timers, List<Effect> effects, ExecutionHeader header) {
    this.timers = timers;
    this.effects = effects;
    this.header = header;
  }

  String start(int frameId, TimerKind kind, long dueAt) {
    String id = "t" + header.takeSequence();
    own().put(id, new Timer(id, frameId, kind, dueAt));
    effects.add(new Effect.StartTimer(id, dueAt));
    return id;
  }

  void cancel(String id) {
    if (id != null && timers.containsKey(id)) {
      own().remove(id);
      effects.add(new Effect.CancelTimer(id));
    }
  }

  Timer get(String id) {
    return timers.get(id);
  }

  /** Removes a timer that fired (no CancelTimer effect). */
  void consume(String id) {
    if (timers.containsKey(id)) {
      own().remove(id);
    }
  }

  void cancelAll() {
    for (String id : new ArrayList<>(timers.keySet())) {
      cancel(id);
    }
  }

  Map<String, Timer> map() {
    return timers;
  }

  private Map<String, Timer> own() {
    if (!owned) {
      timers = new LinkedHashMap<>(timers);
      owned = true;
    }
    return timers;
  }
}
