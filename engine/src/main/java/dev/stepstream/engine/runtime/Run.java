package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.ParallelState;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.StateGraph;
import dev.stepstream.engine.Definition;
import dev.stepstream.engine.Effect;
import dev.stepstream.engine.EngineContext;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireVersions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working copy of one execution during one {@code apply} call: header fields, copy-on-write
 * frames and timers, and the events, effects and step queue produced so far. Never escapes the call.
 */
public final class Run {
  public final EngineOptions options;
  public final EngineContext ctx;
  public final Definition definition;
  public final long now;
  public final ExecutionHeader header;
  public final List<HistoryEvent> events = new ArrayList<>();
  public final List<Effect> effects = new ArrayList<>();
  public final ArrayDeque<Step> queue = new ArrayDeque<>();
  public int transitions;
  public boolean deferred;
  public boolean historyFull;

  private final Object owner = new Object();
  private Map<Integer, Frame> frames;
  private boolean framesOwned;
  private Map<String, Timer> timers;
  private boolean timersOwned;
  private final Map<Integer, StateGraph> graphs = new HashMap<>();
  private StateGraph rootGraph;
  private JsonNode executionContext;
  private long isoTimeMillis;
  private String isoTimeText;

  public Run(EngineOptions options, EngineContext ctx, Definition definition, ExecutionHeader header,
      Map<Integer, Frame> frames, Map<String, Timer> timers) {
    this.options = options;
    this.ctx = ctx;
    this.definition = definition;
    this.now = ctx.nowMillis();
    this.header = header;
    this.frames = frames;
    this.timers = timers;
  }

  // ---- frames ----

  public Frame frame(int id) {
    return frames.get(id);
  }

  public boolean hasFrame(int id) {
    return frames.containsKey(id);
  }

  /** The frame, made writable for this call (cloned on first write). */
  public Frame edit(int id) {
    Frame f = frames.get(id);
    if (f == null || f.owner == owner) {
      return f;
    }
    Frame copy = f.copy(owner);
    ownFrames().put(id, copy);
    return copy;
  }

  public Frame newFrame(int parentId, int index) {
    Frame f = new Frame(header.nextFrameId++, parentId, index);
    f.owner = owner;
    f.variables = Map.of();
    ownFrames().put(f.id, f);
    return f;
  }

  public void removeFrame(int id) {
    if (frames.containsKey(id)) {
      ownFrames().remove(id);
      graphs.remove(id);
    }
  }

  /** Stops a frame where it stands: no pending task or timer; CHILDREN frames keep their phase. */
  public void halt(Frame f) {
    cancelTimer(f.timerId);
    cancelTimer(f.timeoutTimerId);
    cancelTimer(f.heartbeatTimerId);
    f.timerId = null;
    f.timeoutTimerId = null;
    f.heartbeatTimerId = null;
    f.token = null;
    f.taskStarted = false;
    if (f.phase != Phase.CHILDREN) {
      f.phase = Phase.HALTED;
    }
  }

  /** Halts every frame; they stay in the state so that a redrive can continue from them. */
  private void haltFrames() {
    List<Integer> ids = new ArrayList<>(frames.keySet());
    for (int id : ids) {
      halt(edit(id));
    }
  }

  public Iterable<Frame> allFrames() {
    return frames.values();
  }

  public void clearFrames() {
    frames = new HashMap<>();
    framesOwned = true;
    graphs.clear();
  }

  private Map<Integer, Frame> ownFrames() {
    if (!framesOwned) {
      frames = new HashMap<>(frames);
      framesOwned = true;
    }
    return frames;
  }

  /** The states a frame runs in: the top level, a Parallel branch or a Map item processor. */
  public StateGraph graph(Frame f) {
    if (f.isRoot()) {
      if (rootGraph == null) {
        rootGraph = definition.machine().graph();
      }
      return rootGraph;
    }
    StateGraph cached = graphs.get(f.id);
    if (cached != null) {
      return cached;
    }
    // Walk up to the nearest ancestor with a known graph, then resolve downwards (no recursion).
    List<Frame> chain = new ArrayList<>();
    Frame cursor = f;
    StateGraph known = null;
    while (known == null) {
      chain.add(cursor);
      Frame parent = frames.get(cursor.parentId);
      if (parent == null) {
        throw new IllegalStateException("Frame " + cursor.id + " has no parent " + cursor.parentId);
      }
      known = parent.isRoot() ? graph(parent) : graphs.get(parent.id);
      cursor = parent;
    }
    StateGraph g = known;
    for (int i = chain.size() - 1; i >= 0; i--) {
      Frame child = chain.get(i);
      State container = g.states().get(frames.get(child.parentId).stateName);
      if (container instanceof ParallelState p) {
        g = p.branches().get(child.index);
      } else if (container instanceof MapState m) {
        g = m.itemProcessor().graph();
      } else {
        throw new IllegalStateException("Frame " + child.id + " belongs to a " + container);
      }
      graphs.put(child.id, g);
    }
    return g;
  }

  public State state(Frame f) {
    State s = graph(f).states().get(f.stateName);
    if (s == null) {
      throw new IllegalStateException("Unknown state '" + f.stateName + "' in frame " + f.id);
    }
    return s;
  }

  /** Variables the frame's states can read: its own over its ancestors' (outer scopes are read-only). */
  public Map<String, JsonNode> visibleVariables(Frame f) {
    if (f.isRoot()) {
      return f.variables;
    }
    List<Map<String, JsonNode>> scopes = new ArrayList<>();
    for (Frame cursor = f; cursor != null; cursor = frames.get(cursor.parentId)) {
      if (!cursor.variables.isEmpty()) {
        scopes.add(cursor.variables);
      }
    }
    if (scopes.isEmpty()) {
      return Map.of();
    }
    if (scopes.size() == 1) {
      return scopes.get(0);
    }
    Map<String, JsonNode> merged = new HashMap<>();
    for (int i = scopes.size() - 1; i >= 0; i--) {
      merged.putAll(scopes.get(i));
    }
    return merged;
  }

  // ---- timers ----

  public String startTimer(int frameId, TimerKind kind, long dueAt) {
    String id = "t" + (++header.sequence);
    ownTimers().put(id, new Timer(id, frameId, kind, dueAt));
    effects.add(new Effect.StartTimer(id, dueAt));
    return id;
  }

  public void cancelTimer(String id) {
    if (id != null && timers.containsKey(id)) {
      ownTimers().remove(id);
      effects.add(new Effect.CancelTimer(id));
    }
  }

  public Timer timer(String id) {
    return timers.get(id);
  }

  /** Removes a timer that fired (no CancelTimer effect). */
  public void consumeTimer(String id) {
    if (timers.containsKey(id)) {
      ownTimers().remove(id);
    }
  }

  public void cancelAllTimers() {
    for (String id : new ArrayList<>(timers.keySet())) {
      cancelTimer(id);
    }
  }

  private Map<String, Timer> ownTimers() {
    if (!timersOwned) {
      timers = new LinkedHashMap<>(timers);
      timersOwned = true;
    }
    return timers;
  }

  public long nextSequence() {
    return ++header.sequence;
  }

  // ---- events ----

  /** Appends a history event and returns its id; -1 when the history is full (see {@link #historyFull}). */
  public long emit(String type, long previousEventId, String detailsName, JsonNode details) {
    return emit(type, previousEventId, detailsName, details, false);
  }

  public long emit(String type, long previousEventId, String detailsName, JsonNode details, boolean last) {
    long id = header.nextEventId;
    // The last slot is kept for the ExecutionFailed event that reports the full history.
    if (!last && id >= options.maxHistoryEvents()) {
      historyFull = true;
      return -1;
    }
    header.nextEventId++;
    header.lastEventId = id;
    events.add(new HistoryEvent(WireVersions.CURRENT, header.executionArn, id, previousEventId, now, type,
        detailsName, details));
    return id;
  }

  /** ISO-8601 text of a time; the last one is cached (most states of a call enter at {@link #now}). */
  public String isoTime(long epochMillis) {
    if (isoTimeText == null || isoTimeMillis != epochMillis) {
      isoTimeMillis = epochMillis;
      isoTimeText = ContextObject.isoTime(epochMillis);
    }
    return isoTimeText;
  }

  /** The shared {@code $$.Execution}/{@code $$.StateMachine} part of the context object. */
  public JsonNode executionContext() {
    if (executionContext == null) {
      executionContext = ContextObject.execution(this);
    }
    return executionContext;
  }

  public boolean running() {
    return header.status == ExecutionStatus.RUNNING;
  }

  /** Ends the execution: the final event, status, no more frames, timers or pending work, a summary. */
  public void finish(ExecutionStatus status, JsonNode output, String error, String cause, String eventType,
      String detailsName, JsonNode details, long previousEventId) {
    emit(eventType, previousEventId, detailsName, details, true);
    header.status = status;
    header.stopMillis = now;
    header.output = output;
    header.error = error;
    header.cause = cause;
    header.continueSequence = -1;
    header.executionTimerId = null;
    cancelAllTimers();
    if (status == ExecutionStatus.SUCCEEDED) {
      clearFrames();
    } else {
      haltFrames();
    }
    queue.clear();
    deferred = false;
    // One summary per decision, the latest: a RUNNING one from the same apply would only be overwritten.
    effects.removeIf(effect -> effect instanceof Effect.PublishSummary);
    effects.add(new Effect.PublishSummary(header.summary()));
  }

  public void failExecution(String error, String cause, long previousEventId) {
    finish(ExecutionStatus.FAILED, null, error, cause, "ExecutionFailed", "executionFailedEventDetails",
        History.errorCause(error, cause), previousEventId);
  }

  public ExecutionState freeze() {
    return new ExecutionState(header.toHeader(), frames, timers);
  }
}
