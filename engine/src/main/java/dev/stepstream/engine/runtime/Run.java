package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.StateGraph;
import dev.stepstream.engine.Definition;
import dev.stepstream.engine.Effect;
import dev.stepstream.engine.EngineContext;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.task.MapRunChildren;
import dev.stepstream.engine.task.NestedExecutions;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.WireVersions;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working copy of one execution during one {@code apply} call: the header, copy-on-write frames
 * and timers, and the events, effects and step queue produced so far. Never escapes the call. It is
 * the only code that starts or cancels timers, so a frame's timers change together with its work.
 */
public final class Run {
  private final EngineOptions options;
  private final EngineContext ctx;
  private final Definition definition;
  private final long now;
  private final ExecutionHeader header;
  private final List<HistoryEvent> events = new ArrayList<>();
  private final List<Effect> effects = new ArrayList<>();
  private final ArrayDeque<Step> queue = new ArrayDeque<>();
  private int transitions;
  private boolean deferred;
  private boolean historyFull;
  private boolean quiet;
  /** Map frames whose running children this call already stopped (not stored: one call's bookkeeping). */
  private final Set<Integer> stoppedMapRuns = new HashSet<>();

  private final Object owner = new Object();
  private final List<Frame> owned = new ArrayList<>();
  private Map<Integer, Frame> frames;
  private boolean framesOwned;
  private final Timers timers;
  private final ScopeGraphs graphs;
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
    this.timers = new Timers(timers, effects, header);
    this.graphs = new ScopeGraphs(definition.graph(), this::frame);
  }

  public EngineOptions options() {
    return options;
  }

  public EngineContext ctx() {
    return ctx;
  }

  public Definition definition() {
    return definition;
  }

  /** The time of this call (the engine never reads a clock). */
  public long now() {
    return now;
  }

  public ExecutionHeader header() {
    return header;
  }

  // ---- steps, effects, transitions ----

  public void schedule(Step step) {
    queue.add(step);
  }

  public boolean hasSteps() {
    return !queue.isEmpty();
  }

  public Step takeStep() {
    return queue.poll();
  }

  public void addEffect(Effect effect) {
    effects.add(effect);
  }

  public List<Effect> effects() {
    return effects;
  }

  public List<HistoryEvent> events() {
    return events;
  }

  /** Counts a state run; false (and the call is deferred) once the per-call bound is reached. */
  public boolean countTransition() {
    if (transitions >= options.maxTransitionsPerCall()) {
      deferred = true;
      return false;
    }
    transitions++;
    return true;
  }

  public boolean deferred() {
    return deferred;
  }

  public boolean historyFull() {
    return historyFull;
  }

  // ---- frames ----

  public Frame frame(int id) {
    return frames.get(id);
  }

  /** The frame, made writable for this call (cloned on first write). */
  public Frame edit(int id) {
    Frame f = frames.get(id);
    if (f == null || f.ownedBy(owner)) {
      return f;
    }
    Frame copy = f.copy(owner);
    ownFrames().put(id, copy);
    owned.add(copy);
    return copy;
  }

  /** A new frame (the root, a branch or an iteration) about to enter {@code stateName}. */
  public Frame newFrame(int parentId, int index, String stateName, JsonNode input, String inputText,
      long previousEventId) {
    Frame f = Frame.entering(header.takeFrameId(), parentId, index, owner, stateName, input, inputText,
        previousEventId);
    ownFrames().put(f.id(), f);
    owned.add(f);
    return f;
  }

  public void removeFrame(int id) {
    if (frames.containsKey(id)) {
      ownFrames().remove(id);
      graphs.forget(id);
    }
  }

  public Iterable<Frame> allFrames() {
    return frames.values();
  }

  private void clearFrames() {
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

  public StateGraph graph(Frame f) {
    return graphs.graph(f);
  }

  public State state(Frame f) {
    State s = graph(f).states().get(f.stateName());
    if (s == null) {
      throw new IllegalStateException("Unknown state '" + f.stateName() + "' in frame " + f.id());
    }
    return s;
  }

  /** Variables the frame's states can read: its own over its ancestors' (outer scopes are read-only). */
  public Map<String, JsonNode> visibleVariables(Frame f) {
    if (f.isRoot()) {
      return f.variables();
    }
    List<Map<String, JsonNode>> scopes = new ArrayList<>();
    for (Frame cursor = f; cursor != null; cursor = frames.get(cursor.parentId())) {
      if (!cursor.variables().isEmpty()) {
        scopes.add(cursor.variables());
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

  // ---- frame transitions that start or drop timers ----

  /** Running to waiting for a task; arms its timeout (when {@code timeoutSeconds} > 0) and heartbeat timers. */
  public void awaitTask(Frame f, String token, boolean started, long timeoutSeconds, long heartbeatSeconds) {
    String timeoutTimer = timeoutSeconds > 0 ? timers.start(f.id(), TimerKind.TASK_TIMEOUT, now + timeoutSeconds * 1000L) : null;
    String heartbeatTimer = heartbeatSeconds > 0
        ? timers.start(f.id(), TimerKind.HEARTBEAT_TIMEOUT, now + heartbeatSeconds * 1000L) : null;
    f.awaitTask(new TaskAttempt(token, timeoutTimer, heartbeatTimer, started, heartbeatSeconds));
  }

  /** The worker reported in; true when this is the first time (the task is started now). */
  public boolean taskReported(Frame f) {
    TaskAttempt task = f.task();
    if (task.started()) {
      return false;
    }
    f.replaceTask(task.markStarted());
    return true;
  }

  /** A heartbeat restarts the HeartbeatSeconds timer. */
  public void restartHeartbeat(Frame f) {
    TaskAttempt task = f.task();
    if (task.heartbeatSeconds() > 0) {
      timers.cancel(task.heartbeatTimerId());
      f.replaceTask(task.withHeartbeatTimer(
          timers.start(f.id(), TimerKind.HEARTBEAT_TIMEOUT, now + task.heartbeatSeconds() * 1000L)));
    }
  }

  /** The task ended: its timers are cancelled and its token no longer accepted. */
  public void endTask(Frame f) {
    TaskAttempt task = f.task();
    timers.cancel(task.timeoutTimerId());
    timers.cancel(task.heartbeatTimerId());
    f.endTask();
  }

  public void awaitWait(Frame f, long dueAt) {
    f.awaitTimer(new WaitTimer(timers.start(f.id(), TimerKind.WAIT, dueAt)));
  }

  /** Retries the state now, or after a back-off timer. */
  public void retry(Frame f, long delayMillis) {
    if (delayMillis <= 0) {
      f.retryNow();
      schedule(new Step.Advance(f.id()));
    } else {
      f.backOff(new RetryBackoff(timers.start(f.id(), TimerKind.RETRY_BACKOFF, now + delayMillis)));
    }
  }

  /**
   * A timer fired: it is consumed and the frame's work no longer counts on it. Returns the timer's
   * frame, made writable, or null when the frame is gone.
   */
  public Frame timerFired(Timer t) {
    timers.consume(t.id());
    Frame f = edit(t.frameId());
    if (f == null) {
      return null;
    }
    switch (t.kind()) {
      case WAIT -> f.waitOver();
      case RETRY_BACKOFF -> f.retryNow();
      case TASK_TIMEOUT, HEARTBEAT_TIMEOUT -> f.replaceTask(f.task().withoutTimer(t.id()));
      default -> throw new IllegalStateException("Timer " + t + " does not belong to a frame");
    }
    return f;
  }

  /** Stops a frame where it stands: no pending task or timer; frames waiting for children keep them. */
  public void halt(Frame f) {
    StateWork work = f.work();
    if (work != null && !(work instanceof ChildWork)) {
      work.timerIds().forEach(timers::cancel);
    }
    stopMapRunChildren(f, -1);
    f.halt();
  }

  /**
   * A Map Run whose frame stops (the execution stopped, timed out or failed, or the Map Run failed)
   * stops its running child executions, as AWS aborts them. A child that already ended ignores it.
   */
  public void stopMapRunChildren(Frame f, int endedIndex) {
    MapRunProgress progress = f.mapRun();
    Iterations page = f.iterations();
    if (progress == null || !progress.childExecutions() || page == null || !stoppedMapRuns.add(f.id())) {
      return;
    }
    long firstIndex = progress.pageStart(page);
    page.running().filter(index -> index != endedIndex)
        .forEach(index -> effects.add(new Effect.SendCommand(new StopExecution(WireVersions.CURRENT,
            MapRunChildren.childArn(progress.mapRunArn(), firstIndex + index), null, null, now))));
  }

  private void haltFrames() {
    for (int id : new ArrayList<>(frames.keySet())) {
      halt(edit(id));
    }
  }

  // ---- timers ----

  public Timer timer(String id) {
    return timers.get(id);
  }

  /** Starts the execution's timeout timer (TimeoutSeconds of the state machine). */
  public void startExecutionTimer(long dueAt) {
    header.executionTimer(timers.start(-1, TimerKind.EXECUTION_TIMEOUT, dueAt));
  }

  /** The execution timeout fired. */
  public void executionTimerFired(Timer t) {
    timers.consume(t.id());
    header.executionTimer(null);
  }

  public long nextSequence() {
    return header.takeSequence();
  }

  // ---- events ----

  /** Appends a history event and returns its id; -1 when the history is full (see {@link #historyFull}). */
  public long emit(String type, long previousEventId, String detailsName, JsonNode details) {
    return emit(type, previousEventId, detailsName, details, false);
  }

  /**
   * Inside a Distributed Map's items no event reaches the execution's history: on AWS they belong to
   * the Map Run's child executions. A quiet emit records nothing and returns {@code previousEventId}.
   */
  public void quiet(boolean quiet) {
    this.quiet = quiet;
  }

  public boolean quiet() {
    return quiet;
  }

  private long emit(String type, long previousEventId, String detailsName, JsonNode details, boolean last) {
    if (quiet && !last) {
      return previousEventId;
    }
    // The last slot is kept for the ExecutionFailed event that reports the full history.
    if (!last && header.nextEventId() >= options.maxHistoryEvents()) {
      historyFull = true;
      return -1;
    }
    long id = header.takeEventId();
    events.add(new HistoryEvent(WireVersions.CURRENT, header.executionArn(), id, previousEventId, now, type,
        detailsName, details));
    return id;
  }

  /** Emits an event of frame {@code f} that follows its last one, and makes it the frame's last. */
  public long emitFor(Frame f, String type, String detailsName, JsonNode details) {
    long id = emit(type, f.lastEventId(), detailsName, details);
    f.follow(id);
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
    return header.status() == ExecutionStatus.RUNNING;
  }

  /** Asks for a Continue command: the transition bound was reached with runnable frames left. */
  public void continueLater() {
    long sequence = nextSequence();
    header.continueLater(sequence);
    effects.add(new Effect.ContinueLater(sequence));
  }

  /** Publishes the execution summary (one per decision: a later one replaces it). */
  public void publishSummary() {
    effects.removeIf(effect -> effect instanceof Effect.PublishSummary);
    effects.add(new Effect.PublishSummary(header.summary()));
  }

  /** Ends the execution: the final event, status, no more frames, timers or pending work, a summary. */
  public void finish(ExecutionStatus status, JsonNode output, String error, String cause, String eventType,
      String detailsName, JsonNode details, long previousEventId) {
    emit(eventType, previousEventId, detailsName, details, true);
    header.finished(status, now, output, error, cause);
    timers.cancelAll();
    if (status == ExecutionStatus.SUCCEEDED) {
      clearFrames();
    } else {
      haltFrames();
    }
    queue.clear();
    deferred = false;
    publishSummary();
    NestedExecutions.parentResult(header).ifPresent(result -> effects.add(new Effect.SendTaskResult(result)));
    MapRunChildren.parentResult(header).ifPresent(result -> effects.add(new Effect.SendTaskResult(result)));
  }

  public void failExecution(String error, String cause, long previousEventId) {
    finish(ExecutionStatus.FAILED, null, error, cause, "ExecutionFailed", "executionFailedEventDetails",
        History.errorCause(error, cause), previousEventId);
  }

  /** The new state; every frame this call wrote is sealed, so the published state cannot change. */
  public ExecutionState freeze() {
    for (Frame f : owned) {
      f.seal();
    }
    owned.clear();
    return new ExecutionState(header.toHeader(), frames, timers.map());
  }
}
