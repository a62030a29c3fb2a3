package dev.stepstream.processor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.Effect;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the processor's golden fixtures under {@code src/test/resources/golden}: the recorded
 * outputs of one decision ({@link Outputs}) in each format, and a {@link ReplayRecipe}. Not a test and never run by the build: run
 * {@link #main} by hand from the repository root once, when a new format is introduced. It never
 * overwrites a fixture (see {@code golden/README.md}).
 */
public final class GoldenProcessorFixtures {
  static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Golden:run-1";
  static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:Golden";
  static final long START = 1_764_547_200_000L;
  static final String CHILD_ARN = "arn:aws:states:us-east-1:123456789012:execution:Child:c-1";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private GoldenProcessorFixtures() {}

  /** One output of every kind: a history chunk, a task request, timers, a Continue and a summary. */
  static Outputs sampleOutputs() {
    List<HistoryEvent> events = List.of(
        new HistoryEvent(1, ARN, 4, 3, START, "TaskStateEntered", "stateEnteredEventDetails",
            JSON.objectNode().put("name", "Work").put("input", "{\"n\":1}")),
        new HistoryEvent(1, ARN, 5, 4, START + 1, "TaskScheduled", null, null));
    TaskRequest request = new TaskRequest(1, ARN, "tok-1", "arn:aws:lambda:us-east-1:123456789012:function:Work",
        "Work", "Work", JSON.objectNode().put("n", 1), 1, 300L, 30L, JSON.objectNode(), START + 1);
    ExecutionSummary summary = new ExecutionSummary(1, ARN, STATE_MACHINE_ARN, "run-1", ExecutionStatus.RUNNING, START, null,
        JSON.objectNode().put("n", 1), null, null, null, 0);
    return Outputs.of(ARN, events, List.of(new Effect.ScheduleTask(request),
        new Effect.StartTimer("t3", START + 300_000), new Effect.CancelTimer("t2"), new Effect.ContinueLater(7),
        new Effect.PublishSummary(summary)));
  }

  /** Format 3's sample plus a command and a task result for other executions (nested executions). */
  static Outputs sampleOutputsWithOtherExecutions() {
    Outputs sample = sampleOutputs();
    List<Effect> more = List.of(
        new Effect.SendCommand(new StopExecution(1, CHILD_ARN, null, null, START + 2)),
        new Effect.SendTaskResult(new TaskSucceeded(1, ARN, "tok-parent", JSON.objectNode().put("Status", "SUCCEEDED"))));
    List<Outputs.Output> all = new java.util.ArrayList<>(sample.all());
    all.addAll(Outputs.of(ARN, List.of(), more).all());
    return Outputs.fromBytes(encodeAll(all));
  }

  private static byte[] encodeAll(List<Outputs.Output> all) {
    return Outputs.ofRecorded(all).toBytes(Integer.MAX_VALUE);
  }

  /** Recorded outputs, format 3 (current): format 2 with the two kinds keyed by another execution. */
  static byte[] recordedOutputsFormatThree() {
    return sampleOutputsWithOtherExecutions().toBytes(Integer.MAX_VALUE);
  }

  /** Recorded outputs, format 2 (commit 2717c76): a version byte, then format 1. */
  static byte[] recordedOutputsFormatTwo() {
    byte[] three = sampleOutputs().toBytes(Integer.MAX_VALUE);
    three[0] = 2; // the same body: the sample has no output of the kinds format 3 added
    return three;
  }

  /** Recorded outputs, format 1 (released with state format 4, commit 3a515cf): no version byte. */
  static byte[] recordedOutputsFormatOne() {
    byte[] two = recordedOutputsFormatTwo();
    return java.util.Arrays.copyOfRange(two, 1, two.length);
  }

  /** The time of the step {@link #replayRecipe} decides again. */
  static final long STEP_MILLIS = START + 5_000;

  /**
   * A replay recipe, format 1 (0x52, current since 2026-12-06): the time of a task result's decision and
   * the state before it, an execution of {@link Executions#TASK} waiting for its task.
   */
  static byte[] replayRecipe() {
    Executions executions = new Executions(Executions.TASK);
    dev.stepstream.engine.ExecutionState waiting =
        executions.apply(null, Executions.startOf("golden", START), START).state().orElseThrow();
    return ReplayRecipe.of(STEP_MILLIS, waiting, null);
  }

  /** Adds the fixtures that do not exist yet. Argument: the directory (default processor's golden). */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "processor/src/test/resources/golden");
    Files.createDirectories(dir);
    Map<String, byte[]> fixtures = new LinkedHashMap<>();
    fixtures.put("recorded-outputs-v1.bin", recordedOutputsFormatOne());
    fixtures.put("recorded-outputs-v2.bin", recordedOutputsFormatTwo());
    fixtures.put("recorded-outputs-v3.bin", recordedOutputsFormatThree());
    fixtures.put("replay-recipe-v1.bin", replayRecipe());
    for (Map.Entry<String, byte[]> fixture : fixtures.entrySet()) {
      Path file = dir.resolve(fixture.getKey());
      if (Files.exists(file)) {
        System.out.println("kept " + file);
      } else {
        Files.write(file, fixture.getValue());
        System.out.println("wrote " + file);
      }
    }
  }
}
