package dev.stepstream.engine;

import static dev.stepstream.engine.DistributedMapTest.DOUBLE;
import static dev.stepstream.engine.DistributedMapTest.FAIL_ON_2;
import static dev.stepstream.engine.DistributedMapTest.READER;
import static dev.stepstream.engine.DistributedMapTest.WRITER;
import static dev.stepstream.engine.DistributedMapTest.map;
import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.Expressions;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.task.MapRunChildren;
import dev.stepstream.wire.Command;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Distributed Map whose items run as child executions, each routed through "topics" as the processor does. */
class MapRunChildExecutionsTest {
  static final String SM_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:Test";
  static final String PARENT = "arn:aws:states:us-east-1:123456789012:execution:Test:run-1";
  private static final String ITEMS = "{\"items\":[{\"n\":1},{\"n\":2},{\"n\":3}]}";

  /** Executions by ARN; commands and task results are delivered only when {@link #deliver} is called. */
  static final class Cluster implements EngineContext {
    final Interpreter interpreter = new Interpreter(EngineOptions.defaults());
    final Definition definition;
    final Map<String, ExecutionState> executions = new LinkedHashMap<>();
    final Map<String, List<HistoryEvent>> histories = new LinkedHashMap<>();
    final Deque<WireRecord> inFlight = new ArrayDeque<>();
    final List<Command> commands = new ArrayList<>();
    final List<TaskRequest> tasks = new ArrayList<>();

    Cluster(String definitionJson) {
      definition = new Definition(SM_ARN, "Test", "r1", "STANDARD", "arn:aws:iam::123456789012:role/Test",
          Asl.compile(definitionJson, Expressions.compiler()).stateMachine().orElseThrow());
    }

    @Override
    public long nowMillis() {
      return TestDriver.T0;
    }

    @Override
    public RandomSource random() {
      return RandomSource.seeded(7);
    }

    @Override
    public Optional<Definition> definition(String stateMachineArn) {
      return SM_ARN.equals(stateMachineArn) ? Optional.of(definition) : Optional.empty();
    }

    @Override
    public boolean mapRunChildExecutions() {
      return true;
    }

    Cluster start(String input) {
      apply(new StartExecution(1, PARENT, SM_ARN, "run-1", json(input), TestDriver.T0));
      return this;
    }

    Decision apply(WireRecord input) {
      String arn = input instanceof Command c ? c.executionArn() : ((TaskResult) input).executionArn();
      Decision d = interpreter.apply(executions.get(arn), input, this);
      d.state().ifPresent(s -> executions.put(arn, ExecutionStateCodec.decode(ExecutionStateCodec.encode(s))));
      histories.computeIfAbsent(arn, k -> new ArrayList<>()).addAll(d.events());
      for (Effect e : d.effects()) {
        if (e instanceof Effect.SendCommand send) {
          commands.add(send.command());
          inFlight.add(send.command());
        } else if (e instanceof Effect.SendTaskResult result) {
          inFlight.add(result.result());
        } else if (e instanceof Effect.ScheduleTask task) {
          tasks.add(task.request());
        }
      }
      return d;
    }

    /** Delivers every record in flight (and those they cause) until none is left. */
    Cluster deliver() {
      while (!inFlight.isEmpty()) {
        apply(inFlight.poll());
      }
      return this;
    }

    ExecutionState parent() {
      return executions.get(PARENT);
    }

    List<String> eventTypes(String arn) {
      return histories.get(arn).stream().map(HistoryEvent::eventType).toList();
    }

    List<StartExecution> starts() {
      return commands.stream().filter(StartExecution.class::isInstance).map(StartExecution.class::cast).toList();
    }
  }

  @Test
  void shouldStartOneChildExecutionPerItemAndCollectTheirOutputs() {
    Cluster c = new Cluster(map(",\"ItemsPath\":\"$.items\"", DOUBLE)).start(ITEMS);

    List<StartExecution> starts = c.starts();
    assertThat(starts).hasSize(3);
    String mapRunArn = c.parent().frames().get(Frame.ROOT).mapRun().mapRunArn();
    StartExecution first = starts.get(0);
    assertThat(first.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Test/Lbl");
    assertThat(first.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Test/Lbl:"
        + first.name());
    assertThat(first.executionArn()).isEqualTo(MapRunChildren.childArn(mapRunArn, 0));
    assertThat(first.input()).isEqualTo(json("{\"n\":1}"));
    assertThat(first.parent().resource()).isEqualTo(mapRunArn);

    c.deliver();

    assertThat(c.parent().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(c.parent().output()).contains(json("[{\"v\":1},{\"v\":2},{\"v\":3}]"));
    assertThat(c.eventTypes(PARENT)).containsExactly("ExecutionStarted", "MapStateEntered", "MapStateStarted",
        "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
    ExecutionState child = c.executions.get(first.executionArn());
    assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(child.summary().mapRunArn()).isEqualTo(mapRunArn);
    assertThat(c.eventTypes(first.executionArn())).containsExactly("ExecutionStarted", "PassStateEntered",
        "PassStateExited", "ExecutionSucceeded");
  }

  @Test
  void shouldKeepAtMostMaxConcurrencyChildrenRunning() {
    Cluster c = new Cluster(map(",\"ItemsPath\":\"$.items\",\"MaxConcurrency\":1", DOUBLE)).start(ITEMS);
    assertThat(c.starts()).hasSize(1);

    c.apply(c.inFlight.poll()); // the first child runs and answers
    c.apply(c.inFlight.poll()); // the parent records it and starts the second
    assertThat(c.starts()).hasSize(2);

    c.deliver();
    assertThat(c.starts()).hasSize(3);
    assertThat(c.parent().output()).contains(json("[{\"v\":1},{\"v\":2},{\"v\":3}]"));
  }

  @Test
  void shouldIgnoreAStartDeliveredTwice() {
    Cluster c = new Cluster(map(",\"ItemsPath\":\"$.items\"", DOUBLE)).start(ITEMS);
    StartExecution first = c.starts().get(0);
    c.deliver();

    Decision again = c.apply(first);

    assertThat(again.applied()).isFalse();
    assertThat(again.effects()).isEmpty();
    assertThat(c.parent().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void shouldFailTheMapRunWithTheChildsErrorWhenNoFailureIsTolerated() {
    Cluster c = new Cluster(map(",\"ItemsPath\":\"$.items\"", FAIL_ON_2)).start(ITEMS).deliver();

    assertThat(c.parent().status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(c.parent().header().error()).isEqualTo("Bad");
    assertThat(c.parent().header().cause()).isEqualTo("two");
    assertThat(c.eventTypes(PARENT)).contains("MapRunFailed");
  }

  @Test
  void shouldTolerateFailedChildrenAndGiveTheirErrorOutputs() {
    Cluster c = new Cluster(map(",\"ItemsPath\":\"$.items\",\"ToleratedFailureCount\":1", FAIL_ON_2))
        .start(ITEMS).deliver();

    assertThat(c.parent().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(c.parent().output()).contains(json("[{\"n\":1},{\"Error\":\"Bad\",\"Cause\":\"two\"},{\"n\":3}]"));
  }

  @Test
  void shouldStopTheRunningChildrenWhenTheParentIsStopped() {
    String wait = "{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}";
    Cluster c = new Cluster(map(",\"ItemsPath\":\"$.items\",\"MaxConcurrency\":2", wait)).start(ITEMS);
    c.deliver(); // both children start and wait
    c.commands.clear();

    c.apply(new StopExecution(1, PARENT, "Stopped", "by test", TestDriver.T0));

    List<String> stopped = c.commands.stream().filter(StopExecution.class::isInstance)
        .map(Command::executionArn).distinct().toList();
    String mapRunArn = mapRunArn(c);
    assertThat(stopped).containsExactlyInAnyOrder(MapRunChildren.childArn(mapRunArn, 0),
        MapRunChildren.childArn(mapRunArn, 1));
    c.deliver();
    assertThat(c.executions.get(stopped.get(0)).status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(c.executions.get(stopped.get(1)).status()).isEqualTo(ExecutionStatus.ABORTED);
  }

  @Test
  void shouldStopTheOtherChildrenWhenAFailureFailsTheMapRun() {
    String waitUnless2 = """
        {"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":2,"Next":"F"}],"Default":"W"},
        "F":{"Type":"Fail","Error":"Bad"},"W":{"Type":"Wait","Seconds":60,"End":true}""";
    Cluster c = new Cluster(map(",\"ItemsPath\":\"$.items\"", waitUnless2)).start(ITEMS);

    c.deliver();

    assertThat(c.parent().status()).isEqualTo(ExecutionStatus.FAILED);
    List<String> stopped = c.commands.stream().filter(StopExecution.class::isInstance)
        .map(Command::executionArn).distinct().toList();
    String mapRunArn = mapRunArn(c);
    assertThat(stopped).containsExactlyInAnyOrder(MapRunChildren.childArn(mapRunArn, 0),
        MapRunChildren.childArn(mapRunArn, 2));
    assertThat(c.executions.get(stopped.get(0)).status()).isEqualTo(ExecutionStatus.ABORTED);
  }

  @Test
  void shouldWriteTheChildrensExecutionShapesToTheResultWriter() {
    Cluster c = new Cluster(map(READER + WRITER + ",\"ToleratedFailureCount\":5", FAIL_ON_2))
        .start("{\"bucket\":\"in\"}");
    c.apply(new TaskSucceeded(1, PARENT, c.tasks.get(0).taskToken(),
        json("{\"Items\":[{\"n\":1},{\"n\":2}]}")));
    c.deliver();

    TaskRequest part = c.tasks.get(c.tasks.size() - 1);
    JsonNode results = part.input().get("Results");
    assertThat(results).hasSize(2);
    JsonNode ok = results.get(0);
    assertThat(ok.get("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(ok.get("Output")).isEqualTo(json("{\"n\":1}"));
    JsonNode execution = ok.get("Execution");
    assertThat(execution.get("ExecutionArn").asText()).isEqualTo(c.starts().get(0).executionArn());
    assertThat(execution.get("StateMachineArn").asText()).endsWith(":stateMachine:Test/Lbl");
    assertThat(execution.get("Input")).isEqualTo(json("{\"n\":1}"));
    assertThat(execution.get("RedriveStatus").asText()).isEqualTo("NOT_REDRIVABLE");
    JsonNode failed = results.get(1);
    assertThat(failed.get("Status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("Error").asText()).isEqualTo("Bad");
    assertThat(failed.get("Execution").get("Status").asText()).isEqualTo("FAILED");
  }

  @Test
  void shouldRunTheMapAgainAsANewMapRunWhenTheParentIsRedriven() {
    Cluster c = new Cluster(map(",\"ItemsPath\":\"$.items\",\"MaxConcurrency\":1", DOUBLE)).start(ITEMS);
    c.apply(new StopExecution(1, PARENT, null, null, TestDriver.T0));
    c.deliver();
    assertThat(c.parent().status()).isEqualTo(ExecutionStatus.ABORTED);

    c.apply(new dev.stepstream.wire.RedriveExecution(1, PARENT, TestDriver.T0));
    c.deliver();

    assertThat(c.parent().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(c.parent().output()).contains(json("[{\"v\":1},{\"v\":2},{\"v\":3}]"));
    assertThat(c.eventTypes(PARENT).stream().filter("MapRunStarted"::equals)).hasSize(2);
  }

  /** The Map Run ARN recorded in the parent's MapRunStarted event. */
  private static String mapRunArn(Cluster c) {
    return c.histories.get(PARENT).stream().filter(e -> e.eventType().equals("MapRunStarted")).findFirst()
        .orElseThrow().details().get("mapRunArn").asText();
  }
}
