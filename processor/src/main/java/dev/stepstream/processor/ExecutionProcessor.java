package dev.stepstream.processor;

import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.engine.Decision;
import dev.stepstream.engine.Effect;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.ExecutionStateCodec;
import dev.stepstream.engine.Interpreter;
import dev.stepstream.engine.task.MapRunChildren;
import dev.stepstream.engine.task.NestedStartAnswers;
import dev.stepstream.wire.Command;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TimerFired;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import dev.stepstream.wire.WireVersions;
import io.opentelemetry.api.trace.Span;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The thin Kafka Streams adapter around the engine: decode the input, load the execution, apply,
 * store, write the outputs. The rest belongs to named collaborators: {@link ExecutionStore} (the
 * executions store, with the running executions' latest bytes in memory), {@link OutputWriter} (topics,
 * history store, timers), {@link DeadLetters} (input that cannot be decoded or applied; nothing here
 * lets a bad record kill the stream thread), {@link PendingStarts} (starts that arrive before their
 * state machine), {@link Retention} (forgetting closed executions), and {@link DuplicateReplay} with
 * {@link RepeatDecision} (at-least-once). Due timers are fired by a wall-clock punctuator, the only
 * place that reads the clock for timers.
 */
final class ExecutionProcessor implements Processor<String, byte[], String, byte[]> {
  static final String EXECUTIONS_STORE = "executions";
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionProcessor.class);
  private static final int TIMERS_PER_PUNCTUATION = 10_000;

  private final ProcessorOptions options;
  private final Interpreter interpreter;
  private final TaskTopics taskTopics;
  private final ProcessorMetrics metrics;
  private final DuplicateReplay duplicates;
  private final RunningStores running;
  private final AtomicLong definitionLoads;
  private RunningStores.Partition queryable;
  private ProcessorContext<String, byte[]> context;
  private ExecutionStore executions;
  private DurableTimers timers;
  private DefinitionCache definitions;
  private DeadLetters deadLetters;
  private PendingStarts pendingStarts;
  private Retention retention;
  private OutputWriter outputs;
  private StatusChanges statusChanges;
  private ExecutionLogWriter logs;
  private ExecutionTraces traces;
  private RepeatDecision repeat;
  private ScheduleFirings schedules;
  private final TransitionSpans spans = new TransitionSpans();

  /** @param definitionLoads the count of definition records the global store has taken in ({@link DefinitionLoader}) */
  ExecutionProcessor(ProcessorOptions options, TaskTopics taskTopics, ProcessorMetrics metrics, RunningStores running,
      AtomicLong definitionLoads) {
    this.options = options;
    this.definitionLoads = definitionLoads;
    this.running = running;
    this.interpreter = new Interpreter(options.engine());
    this.taskTopics = taskTopics;
    this.metrics = metrics;
    this.duplicates = new DuplicateReplay(options.profile(), metrics);
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    KeyValueStore<String, byte[]> executionStore = context.getStateStore(EXECUTIONS_STORE);
    this.executions = new ExecutionStore(executionStore);
    KeyValueStore<String, byte[]> history = context.getStateStore(HistoryStore.STORE);
    this.timers = new DurableTimers(
        context.getStateStore(DurableTimers.TIMERS_STORE), context.getStateStore(DurableTimers.INDEX_STORE));
    KeyValueStore<String, byte[]> definitionStore = context.getStateStore(DefinitionLoader.STORE);
    this.definitions = new DefinitionCache(definitionStore::get, definitionLoads::get, System::nanoTime);
    RecordSink sink = new ContextRecordSink(context);
    this.deadLetters = new DeadLetters(sink, metrics, this::origin, context::currentSystemTimeMs);
    this.pendingStarts = new PendingStarts(context.getStateStore(PendingStarts.STORE),
        stateMachineArn -> definitions.find(MapRunChildren.definingMachine(stateMachineArn)).isPresent(), deadLetters,
        start -> answerParent(start, context.currentSystemTimeMs()));
    this.retention = new Retention(options.closedExecutionRetention(), executions, history, timers, sink);
    this.outputs = new OutputWriter(sink, history, timers, taskTopics);
    this.statusChanges = new StatusChanges(sink);
    this.logs = new ExecutionLogWriter(sink);
    KeyValueStore<String, String> traceStore = context.getStateStore(ExecutionTraces.STORE);
    this.traces = new ExecutionTraces(traceStore);
    this.repeat = new RepeatDecision(interpreter, definitions, options.tokenKeys(), traces);
    this.schedules = new ScheduleFirings(context.getStateStore(ScheduleFirings.STORE), timers, sink,
        new ScheduleTargets(definitionStore::get), deadLetters);
    context.schedule(options.timerInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    this.queryable = new RunningStores.Partition(executionStore, traceStore);
    running.opened(context.taskId().partition(), queryable);
  }

  @Override
  public void close() {
    if (executions != null) {
      executions.clear();
    }
    if (queryable != null) {
      running.closed(context.taskId().partition(), queryable);
    }
  }

  /** The record being processed; in a punctuation, none (the commands topic, without offset). */
  private DeadLetters.Origin origin() {
    RecordMetadata source = context.recordMetadata().filter(m -> m.topic() != null).orElse(null);
    return source == null
        ? new DeadLetters.Origin(options.topics().commands(), -1, -1)
        : new DeadLetters.Origin(source.topic(), source.partition(), source.offset());
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (ScheduleFirings.isScheduleKey(record.key())) {
      schedules.onRecord(record.key(), record.value(), record.timestamp());
      return;
    }
    WireRecord input;
    try {
      input = WireJson.decode(record.value(), WireRecord.class);
    } catch (WireFormatException e) {
      deadLetters.send(record.key(), record.value(), e.getMessage(), record.timestamp());
      return;
    }
    String arn = executionArnOf(input);
    if (arn == null) {
      deadLetters.send(record.key(), record.value(),
          input.getClass().getSimpleName() + " records do not belong on this topic", record.timestamp());
    } else if (!arn.equals(record.key())) {
      deadLetters.send(record.key(), record.value(),
          "record key '" + record.key() + "' does not match executionArn '" + arn + "'", record.timestamp());
    } else {
      apply(arn, input, context.currentSystemTimeMs());
    }
  }

  private static String executionArnOf(WireRecord input) {
    if (input instanceof Command c) {
      return c.executionArn();
    }
    return input instanceof TaskResult r ? r.executionArn() : null;
  }

  private void punctuate(long nowMillis) {
    pendingStarts.retry(nowMillis, start -> apply(start.executionArn(), start, nowMillis));
    for (DurableTimers.DueTimer due : timers.takeDue(nowMillis, TIMERS_PER_PUNCTUATION)) {
      if (Retention.isCleanupTimer(due.timerId())) {
        retention.expire(due.executionArn(), nowMillis);
        traces.forget(due.executionArn());
      } else if (ScheduleFirings.isScheduleTimer(due.timerId())) {
        schedules.fire(due.executionArn(), nowMillis);
      } else {
        metrics.timerFired();
        apply(due.executionArn(), new TimerFired(WireVersions.CURRENT, due.executionArn(), due.timerId(), due.dueAtMillis()), nowMillis);
      }
    }
  }

  private void apply(String arn, WireRecord input, long nowMillis) {
    try {
      byte[] stored = executions.get(arn);
      ExecutionState state = stored == null ? null : ExecutionStateCodec.decode(stored);
      try (ExecutionMdc mdc = ExecutionMdc.open(arn, state, input)) {
        apply(arn, state, stored, input, nowMillis);
      }
    } catch (KafkaException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("Could not apply {} to {}", input.getClass().getSimpleName(), arn, e);
      deadLetters.send(arn, WireJson.encode(input), "could not apply: " + e, nowMillis);
    }
  }

  /** Applies {@code input} to {@code state}, which was decoded from {@code stored} (both null for none). */
  private void apply(String arn, ExecutionState state, byte[] stored, WireRecord input, long nowMillis) {
    if (state == null && pendingStarts.parkIfUndefined(input, nowMillis)) {
      return;
    }
    Decision decision = interpreter.apply(state, input, engineContext(arn, state, nowMillis));
    if (!decision.applied()) {
      metrics.ignored();
      if (input instanceof TaskResult) {
        metrics.ignoredTaskResult();
      }
      LOG.debug("Ignored {} for {}: {}", input.getClass().getSimpleName(), arn, decision.ignored().orElse(""));
      DuplicateReplay.Rerun rerun = (before, decidedAt) -> repeat.outputs(arn, state, before, input, decidedAt);
      duplicates.replay(state, input, rerun).ifPresent(again -> {
        LOG.debug("Re-emitting the outputs of a duplicate {} for {}", input.getClass().getSimpleName(), arn);
        outputs.write(arn, again, nowMillis, traces.find(arn, state).orElse(null));
        statusChanges.replay(again, nowMillis);
        retention.onTransition(null, state, nowMillis); // the cleanup timer may be lost too; same due time
      });
      return;
    }
    metrics.applied();
    measureTasks(input, decision, nowMillis);
    ExecutionState after = decision.state().orElse(state);
    if (state == null && input instanceof StartExecution start && after != null) {
      traces.started(start, after.startMillis());
    }
    Optional<ExecutionTraces.Trace> trace = traces.find(arn, after);
    trace.ifPresent(t -> MDC.put(ExecutionMdc.TRACE_ID, t.context().traceId()));
    Span span = trace.map(t -> spans.start(t, input.getClass().getSimpleName(), arn, MDC.get(ExecutionMdc.STATE_NAME),
        TimeUnit.MILLISECONDS.toNanos(nowMillis))).orElse(null);
    try {
      record(arn, state, stored, input, decision, trace.map(t -> TransitionSpans.parentFor(t, span)), nowMillis);
    } finally {
      if (span != null) {
        span.end();
      }
    }
  }

  private void record(String arn, ExecutionState state, byte[] stored, WireRecord input, Decision decision,
      Optional<ExecutionTraces.Trace> trace, long nowMillis) {
    List<HistoryEvent> events = WorkerOutputs.attach(input, decision.events());
    Outputs written = Outputs.of(arn, events, ExecutionTraces.stamp(decision.effects(), trace));
    ExecutionState next = null;
    byte[] encoded = null;
    if (decision.state().isPresent()) {
      next = duplicates.remember(state, stored, decision.state().get(), input, nowMillis, written);
      encoded = ExecutionStateCodec.encode(next);
      if (encoded.length > options.maxStateBytes()) {
        stopOversized(arn, state, input, encoded.length, nowMillis);
        return;
      }
    }
    writeThenStore(arn, state, written, trace, next, encoded, nowMillis);
    statusChanges.write(state, decision.effects(), nowMillis);
    writeLogs(arn, decision.state().orElse(state), events, nowMillis);
  }

  /** A child's start whose state machine does not exist fails its parent's Task, as AWS's call would. */
  private void answerParent(StartExecution start, long nowMillis) {
    LOG.info("Failing the parent Task of {}: state machine {} does not exist", start.executionArn(),
        start.stateMachineArn());
    NestedStartAnswers.failed(start, NestedStartAnswers.STATE_MACHINE_DOES_NOT_EXIST,
            "State Machine Does Not Exist: '" + start.stateMachineArn() + "'")
        .ifPresent(answer -> outputs.write(start.executionArn(),
            Outputs.of(start.executionArn(), List.of(), List.of(new Effect.SendTaskResult(answer))), nowMillis));
  }

  private void measureTasks(WireRecord input, Decision decision, long nowMillis) {
    if (input instanceof TaskSucceeded || input instanceof TaskFailed) {
      metrics.taskFinished(((TaskResult) input).taskToken(), input instanceof TaskSucceeded, nowMillis);
    }
    for (Effect effect : decision.effects()) {
      if (effect instanceof Effect.ScheduleTask task) {
        metrics.taskDispatched(task.request().taskName(), task.request().taskToken(), nowMillis);
      }
    }
  }

  private void writeLogs(String arn, ExecutionState state, List<HistoryEvent> events, long nowMillis) {
    if (state != null && !events.isEmpty()) {
      logs.write(arn, events, definitions.logging(MapRunChildren.definingMachine(state.stateMachineArn())), state.redriveCount(), nowMillis);
    }
  }

  /**
   * Writes a decision's outputs, then stores the state it leads to ({@code after}, null when the
   * decision has none). The history comes first because the API reads the stores while this thread
   * writes them: whoever sees the new state (a finished execution, say) must then find the history
   * that led to it.
   */
  private void writeThenStore(String arn, ExecutionState before, Outputs written, Optional<ExecutionTraces.Trace> trace,
      ExecutionState after, byte[] encoded, long nowMillis) {
    outputs.write(arn, written, nowMillis, trace.orElse(null));
    if (after != null) {
      executions.put(arn, encoded, !after.status().finished());
      retention.onTransition(before, after, nowMillis);
    }
  }

  private ProcessorEngineContext engineContext(String arn, ExecutionState state, long nowMillis) {
    return ProcessorEngineContext.of(nowMillis, arn, state, definitions, options.tokenKeys());
  }

  /**
   * A transition whose state would not fit in one changelog record is not stored (writing it would
   * stop the stream thread); the execution is stopped from its previous state instead, with
   * States.DataLimitExceeded, and an execution that never had a state is dead-lettered.
   */
  private void stopOversized(String arn, ExecutionState before, WireRecord input, int size, long nowMillis) {
    String cause = "The execution state would be " + size + " bytes after this " + input.getClass().getSimpleName()
        + ", more than the " + options.maxStateBytes() + " bytes one execution may store.";
    LOG.error("Stopping {}: {}", arn, cause);
    if (before == null) {
      deadLetters.send(arn, WireJson.encode(input), cause, nowMillis);
      return;
    }
    Decision stop = interpreter.apply(before, new StopExecution(WireVersions.CURRENT, arn, ErrorNames.DATA_LIMIT_EXCEEDED, cause, nowMillis),
        engineContext(arn, before, nowMillis));
    byte[] stopped = stop.state().map(ExecutionStateCodec::encode).orElse(null);
    if (!stop.applied() || stopped == null || stopped.length > options.maxStateBytes()) {
      deadLetters.send(arn, WireJson.encode(input), cause, nowMillis);
      return;
    }
    Optional<ExecutionTraces.Trace> trace = traces.find(arn, before);
    writeThenStore(arn, before, Outputs.of(arn, stop.events(), ExecutionTraces.stamp(stop.effects(), trace)), trace,
        stop.state().get(), stopped, nowMillis);
    statusChanges.write(before, stop.effects(), nowMillis);
    writeLogs(arn, stop.state().get(), stop.events(), nowMillis);
  }
}
