package dev.stepstream.processor;

import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.engine.AppliedInput;
import dev.stepstream.engine.Decision;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.ExecutionStateCodec;
import dev.stepstream.engine.Interpreter;
import dev.stepstream.wire.Command;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TimerFired;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import dev.stepstream.wire.WireVersions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin Kafka Streams adapter around the engine: decode the input, load the execution, apply,
 * store, forward the history and effects. Due timers are fired by a wall-clock punctuator (the
 * only place that reads the clock for timers). Input that cannot be decoded or applied goes to
 * the dead-letter topic; nothing here lets a bad record kill the stream thread.
 */
final class ExecutionProcessor implements Processor<String, byte[], String, byte[]> {
  static final String EXECUTIONS_STORE = "executions";
  static final String TASK_HEADER = "stepstream-task";
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionProcessor.class);
  private static final int TIMERS_PER_PUNCTUATION = 10_000;

  private final Interpreter interpreter;
  private final TaskTopics taskTopics;
  private final ProcessorMetrics metrics;
  private final Duration timerInterval;
  private final String commandsTopic;
  private final Duration closedExecutionRetention;
  private final boolean replayDuplicates;
  private final int maxStateBytes;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, byte[]> executions;
  private KeyValueStore<String, byte[]> history;
  private DurableTimers timers;
  private DefinitionCache definitions;
  private PendingStarts pendingStarts;
  private ClosedExecutionRetention retention;

  ExecutionProcessor(Interpreter interpreter, TaskTopics taskTopics, ProcessorMetrics metrics, Duration timerInterval,
      String commandsTopic, Duration closedExecutionRetention, boolean replayDuplicates, int maxStateBytes) {
    this.replayDuplicates = replayDuplicates;
    this.maxStateBytes = maxStateBytes;
    this.commandsTopic = commandsTopic;
    this.closedExecutionRetention = closedExecutionRetention;
    this.interpreter = interpreter;
    this.taskTopics = taskTopics;
    this.metrics = metrics;
    this.timerInterval = timerInterval;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.executions = context.getStateStore(EXECUTIONS_STORE);
    this.history = context.getStateStore(HistoryStore.STORE);
    this.timers = new DurableTimers(
        context.getStateStore(DurableTimers.TIMERS_STORE), context.getStateStore(DurableTimers.INDEX_STORE));
    KeyValueStore<String, byte[]> definitionStore = context.getStateStore(DefinitionLoader.STORE);
    this.definitions = new DefinitionCache(definitionStore::get);
    this.pendingStarts = new PendingStarts(context.getStateStore(PendingStarts.STORE));
    this.retention = new ClosedExecutionRetention(closedExecutionRetention, executions, history, timers);
    context.schedule(timerInterval, PunctuationType.WALL_CLOCK_TIME, this::fireDueTimers);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    WireRecord input;
    try {
      input = WireJson.decode(record.value(), WireRecord.class);
    } catch (WireFormatException e) {
      deadLetter(record, e.getMessage());
      return;
    }
    String arn = executionArnOf(input);
    if (arn == null) {
      deadLetter(record, input.getClass().getSimpleName() + " records do not belong on this topic");
    } else if (!arn.equals(record.key())) {
      deadLetter(record, "record key '" + record.key() + "' does not match executionArn '" + arn + "'");
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

  private void fireDueTimers(long nowMillis) {
    retryPendingStarts(nowMillis);
    for (DurableTimers.DueTimer due : timers.takeDue(nowMillis, TIMERS_PER_PUNCTUATION)) {
      if (ClosedExecutionRetention.isCleanupTimer(due.timerId())) {
        expire(due.executionArn(), nowMillis);
        continue;
      }
      metrics.timerFired();
      apply(due.executionArn(), new TimerFired(WireVersions.CURRENT,
          due.executionArn(), due.timerId(), due.dueAtMillis()), nowMillis);
    }
  }

  private void expire(String arn, long nowMillis) {
    if (retention.cleanUp(arn, nowMillis)) {
      // A tombstone, so the compacted executions topic (and the API's lists) forget it too.
      context.forward(new Record<String, byte[]>(arn, null, nowMillis), StepstreamTopology.EXECUTIONS_SINK);
    }
  }

  private void retryPendingStarts(long nowMillis) {
    if (pendingStarts.isEmpty()) {
      return;
    }
    for (StartExecution start : pendingStarts.takeAll()) {
      if (definitions.find(start.stateMachineArn()).isPresent()) {
        apply(start.executionArn(), start, nowMillis);
      } else if (nowMillis - start.requestedAt() > PendingStarts.GIVE_UP_MILLIS) {
        deadLetter(new Record<>(start.executionArn(), WireJson.encode(start), nowMillis),
            "state machine " + start.stateMachineArn() + " does not exist");
      } else {
        pendingStarts.park(start);
      }
    }
  }

  private void apply(String arn, WireRecord input, long nowMillis) {
    try {
      byte[] stored = executions.get(arn);
      ExecutionState state = stored == null ? null : ExecutionStateCodec.decode(stored);
      if (state == null && input instanceof StartExecution start
          && definitions.find(start.stateMachineArn()).isEmpty()) {
        pendingStarts.park(start);
        return;
      }
      long nextEventId = state == null ? 1 : state.nextEventId();
      Decision decision =
          interpreter.apply(state, input, new ProcessorEngineContext(nowMillis, arn, nextEventId, definitions));
      if (!decision.applied()) {
        metrics.ignored();
        LOG.debug("Ignored {} for {}: {}", input.getClass().getSimpleName(), arn, decision.ignored().orElse(""));
        replayIfDuplicate(arn, state, input, nowMillis);
        return;
      }
      metrics.applied();
      Outputs outputs = Outputs.of(arn, decision.events(), decision.effects());
      if (decision.state().isPresent()) {
        ExecutionState next = decision.state().get();
        byte[] encoded = ExecutionStateCodec.encode(remember(state, next, input, outputs));
        if (encoded.length > maxStateBytes) {
          stopOversized(arn, state, input, encoded.length, nowMillis);
          return;
        }
        executions.put(arn, encoded);
        retention.onTransition(state, next, nowMillis);
      }
      write(arn, outputs, nowMillis);
    } catch (KafkaException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("Could not apply {} to {}", input.getClass().getSimpleName(), arn, e);
      deadLetter(new Record<>(arn, WireJson.encode(input), nowMillis), "could not apply: " + e);
    }
  }

  /**
   * A transition whose state would not fit in one changelog record is not stored (writing it would
   * stop the stream thread); the execution is stopped from its previous state instead, with
   * States.DataLimitExceeded, and an execution that never had a state is dead-lettered.
   */
  private void stopOversized(String arn, ExecutionState before, WireRecord input, int size, long nowMillis) {
    String cause = "The execution state would be " + size + " bytes after this " + input.getClass().getSimpleName()
        + ", more than the " + maxStateBytes + " bytes one execution may store.";
    LOG.error("Stopping {}: {}", arn, cause);
    if (before == null) {
      deadLetter(new Record<>(arn, WireJson.encode(input), nowMillis), cause);
      return;
    }
    Decision stop = interpreter.apply(before, new StopExecution(WireVersions.CURRENT,
        arn, ErrorNames.DATA_LIMIT_EXCEEDED, cause, nowMillis),
        new ProcessorEngineContext(nowMillis, arn, before.nextEventId(), definitions));
    byte[] stopped = stop.state().map(ExecutionStateCodec::encode).orElse(null);
    if (!stop.applied() || stopped == null || stopped.length > maxStateBytes) {
      deadLetter(new Record<>(arn, WireJson.encode(input), nowMillis), cause);
      return;
    }
    executions.put(arn, stopped);
    retention.onTransition(before, stop.state().get(), nowMillis);
    write(arn, Outputs.of(arn, stop.events(), stop.effects()), nowMillis);
  }

  /**
   * At-least-once only: the restored state can include an input whose outputs were lost in a crash,
   * so the state keeps the last input's identity and outputs (written atomically with the state).
   */
  private ExecutionState remember(ExecutionState before, ExecutionState after, WireRecord input, Outputs outputs) {
    if (!replayDuplicates) {
      return after;
    }
    Optional<String> id = InputIdentity.of(input);
    if (id.isEmpty()) {
      return after.withLastApplied(before == null ? null : before.lastApplied().orElse(null));
    }
    return after.withLastApplied(new AppliedInput(id.get(), outputs.toBytes(RecordLimits.MAX_RECORDED_HISTORY_BYTES)));
  }

  /** A second delivery of the last applied input: write its outputs again (same keys and event ids). */
  private void replayIfDuplicate(String arn, ExecutionState state, WireRecord input, long nowMillis) {
    if (!replayDuplicates || state == null) {
      return;
    }
    Optional<AppliedInput> last = state.lastApplied();
    Optional<String> id = InputIdentity.of(input);
    if (last.isPresent() && id.isPresent() && last.get().inputId().equals(id.get())) {
      metrics.replayed();
      LOG.debug("Re-emitting the outputs of {} for {}", id.get(), arn);
      write(arn, Outputs.fromBytes(last.get().outputs()), nowMillis);
      retention.onTransition(null, state, nowMillis); // the cleanup timer may be lost too; same due time
    }
  }

  private void write(String arn, Outputs outputs, long nowMillis) {
    for (Outputs.Output output : outputs.all()) {
      if (output instanceof HistoryStore.Chunk chunk) {
        context.forward(new Record<>(arn, chunk.value(), nowMillis), StepstreamTopology.HISTORY_SINK);
        HistoryStore.put(history, chunk);
      } else if (output instanceof Outputs.Task task) {
        taskTopics.ensure(task.taskName());
        Record<String, byte[]> out = new Record<>(arn, task.request(), nowMillis);
        out.headers().add(TASK_HEADER, task.taskName().getBytes(StandardCharsets.UTF_8));
        context.forward(out, StepstreamTopology.TASKS_SINK);
      } else if (output instanceof Outputs.StartTimer timer) {
        timers.start(arn, timer.timerId(), timer.dueAtMillis());
      } else if (output instanceof Outputs.CancelTimer timer) {
        timers.cancel(arn, timer.timerId());
      } else if (output instanceof Outputs.Command command) {
        context.forward(new Record<>(arn, command.command(), nowMillis), StepstreamTopology.COMMANDS_SINK);
      } else if (output instanceof Outputs.Summary summary) {
        context.forward(new Record<>(arn, summary.summary(), nowMillis), StepstreamTopology.EXECUTIONS_SINK);
      }
    }
  }

  private void deadLetter(Record<String, byte[]> record, String reason) {
    metrics.deadLettered();
    LOG.warn("Dead-lettering record with key {}: {}", record.key(), reason);
    RecordMetadata source = context.recordMetadata().filter(m -> m.topic() != null).orElse(null);
    byte[] letter = source == null
        ? DeadLetters.of(record.key(), record.value(), reason, commandsTopic, -1, -1, context.currentSystemTimeMs())
        : DeadLetters.of(record.key(), record.value(), reason, source.topic(), source.partition(), source.offset(),
            context.currentSystemTimeMs());
    context.forward(new Record<>(record.key(), letter, record.timestamp()), StepstreamTopology.DEAD_LETTERS_SINK);
  }
}
