package dev.stepstream.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.Expressions;
import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.wire.Continue;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.RedriveExecution;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TimerFired;
import dev.stepstream.wire.WireRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Drives one execution in tests: a manual clock, pending timers and tasks, and the collected history. */
final class TestDriver implements EngineContext {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SM_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:Test";
  static final String EXEC_ARN = "arn:aws:states:us-east-1:123456789012:execution:Test:run-1";
  static final long T0 = 1_700_000_000_000L;

  final Interpreter interpreter;
  final Definition definition;
  long now = T0;
  RandomSource random = RandomSource.seeded(42);
  ExecutionState state;
  final List<HistoryEvent> history = new ArrayList<>();
  final List<Effect> effects = new ArrayList<>();
  final Map<String, Long> timers = new LinkedHashMap<>();
  final List<TaskRequest> tasks = new ArrayList<>();
  final List<Decision> decisions = new ArrayList<>();
  final List<WireRecord> inputs = new ArrayList<>();
  final List<Long> inputTimes = new ArrayList<>();

  TestDriver(String definitionJson) {
    this(definitionJson, EngineOptions.defaults());
  }

  TestDriver(String definitionJson, EngineOptions options) {
    ValidationResult result = Asl.compile(definitionJson, Expressions.compiler(),
        dev.stepstream.asl.AslOptions.defaults().withMaxNestingDepth(4096));
    if (!result.isValid()) {
      throw new IllegalArgumentException("invalid definition: " + result.diagnostics());
    }
    definition = new Definition(SM_ARN, "Test", "r1", "STANDARD", "arn:aws:iam::123456789012:role/Test",
        result.stateMachine().orElseThrow());
    interpreter = new Interpreter(options);
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public long nowMillis() {
    return now;
  }

  @Override
  public RandomSource random() {
    return random;
  }

  @Override
  public Optional<Definition> definition(String stateMachineArn) {
    return SM_ARN.equals(stateMachineArn) ? Optional.of(definition) : Optional.empty();
  }

  Decision apply(WireRecord input) {
    inputs.add(input);
    inputTimes.add(now);
    Decision d = interpreter.apply(state, input, this);
    decisions.add(d);
    d.state().ifPresent(s -> state = s);
    history.addAll(d.events());
    for (Effect e : d.effects()) {
      effects.add(e);
      if (e instanceof Effect.StartTimer t) {
        timers.put(t.timerId(), t.dueAtMillis());
      } else if (e instanceof Effect.CancelTimer c) {
        timers.remove(c.timerId());
      } else if (e instanceof Effect.ScheduleTask s) {
        tasks.add(s.request());
      }
    }
    return d;
  }

  TestDriver start(String input) {
    apply(new StartExecution(1, EXEC_ARN, SM_ARN, "run-1", json(input), now));
    return this;
  }

  /** Keeps delivering ContinueLater until none is pending. */
  TestDriver continueAll() {
    while (true) {
      Optional<Effect.ContinueLater> c = decisions.get(decisions.size() - 1).effects().stream()
          .filter(Effect.ContinueLater.class::isInstance).map(Effect.ContinueLater.class::cast).findFirst();
      if (c.isEmpty()) {
        return this;
      }
      apply(new Continue(1, EXEC_ARN, c.get().sequence()));
    }
  }

  TaskRequest lastTask() {
    return tasks.get(tasks.size() - 1);
  }

  Decision succeedTask(String output) {
    return apply(new TaskSucceeded(1, EXEC_ARN, lastTask().taskToken(), json(output)));
  }

  Decision failTask(String error, String cause) {
    return apply(new TaskFailed(1, EXEC_ARN, lastTask().taskToken(), error, cause));
  }

  Decision heartbeat() {
    return apply(new TaskHeartbeat(1, EXEC_ARN, lastTask().taskToken()));
  }

  Decision stop(String error, String cause) {
    return apply(new StopExecution(1, EXEC_ARN, error, cause, now));
  }

  Decision redrive() {
    return apply(new RedriveExecution(1, EXEC_ARN, now));
  }

  /** Advances the clock to the earliest pending timer and fires it. */
  Decision fireNextTimer() {
    Map.Entry<String, Long> next = timers.entrySet().stream().min(Map.Entry.comparingByValue())
        .orElseThrow(() -> new AssertionError("no pending timer"));
    timers.remove(next.getKey());
    now = Math.max(now, next.getValue());
    return apply(new TimerFired(1, EXEC_ARN, next.getKey(), next.getValue()));
  }

  long nextTimerDelay() {
    return timers.values().stream().min(Comparator.naturalOrder()).orElseThrow() - now;
  }

  List<String> eventTypes() {
    return history.stream().map(HistoryEvent::eventType).toList();
  }

  HistoryEvent event(String type) {
    return history.stream().filter(e -> e.eventType().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + eventTypes()));
  }

  ExecutionStatus status() {
    return state.status();
  }

  JsonNode output() {
    return state.output().orElse(null);
  }
}
