package dev.stepstream.engine;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.stepstream.engine.runtime.BinaryWriter;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.FrameCodec;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.MapRunProgress;
import dev.stepstream.engine.runtime.Phase;
import dev.stepstream.engine.runtime.RetryBackoff;
import dev.stepstream.engine.runtime.StateWork;
import dev.stepstream.engine.runtime.StoredFrames;
import dev.stepstream.engine.runtime.TaskAttempt;
import dev.stepstream.engine.runtime.WaitTimer;
import dev.stepstream.engine.runtime.Timer;
import dev.stepstream.engine.runtime.TimerKind;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.ParentExecution;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the golden execution state fixtures under {@code src/test/resources/golden}. Not a test and
 * never run by the build: run {@link #main} by hand once, when a new format is introduced, to add the
 * fixture of the new format. It never overwrites a fixture (see {@code golden/README.md}).
 *
 * <p>The current format is written by {@link ExecutionStateCodec#encode}. The writers of the older
 * formats transcribe the released encoders (format 1: commit 2354608, format 2: f5f7973, format 3:
 * ff8139b, format 4: fb0b221, format 5: 2717c76, format 6: 2e1cebd); they were run once to make those fixtures and are kept as the record of how.
 */
public final class GoldenExecutionStates {
  static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Golden:run-1";
  static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:Golden";
  static final String ALIAS_ARN = STATE_MACHINE_ARN + ":live";
  static final long START = 1_764_547_200_000L;
  static final String REVISION_ID = "rev-\u00e9-7";
  static final long REDRIVE_MILLIS = START + 90_000;
  static final byte[] APPLIED_OUTPUTS = "recorded outputs \u00e9\u2603".getBytes(UTF_8);
  static final ParentExecution PARENT = new ParentExecution(
      "arn:aws:states:us-east-1:123456789012:execution:Parent:p-\u00e9", "tok-parent-3",
      "arn:aws:states:::states:startExecution.sync:2");

  /** The paged Distributed Map progress of the root frame in format 7. */
  static final MapRunProgress MAP_RUN = new MapRunProgress(
      "arn:aws:states:us-east-1:123456789012:mapRun:Golden/Fan:0f1e2d3c-0000-4000-8000-000000000001", Json.read("{\"Offset\":1234,\"Headers\":[\"a\",\"\u00e9\"]}"),
      false, 3, 2_500, 2_400, 2_300, 7, 2_000, 50, 10, 2.5, (ArrayNode) Json.read("[{\"r\":0},null]"));

  /** Format 8: the parent of a Distributed Map's child execution (Map state and revision set). */
  static final ParentExecution MAP_RUN_PARENT = new ParentExecution(
      "arn:aws:states:us-east-1:123456789012:execution:Parent:p-\u00e9",
      "mapRunChild:7:arn:aws:states:us-east-1:123456789012:mapRun:Parent/Fan:0f1e2d3c-0000-4000-8000-000000000003",
      "arn:aws:states:us-east-1:123456789012:mapRun:Parent/Fan:0f1e2d3c-0000-4000-8000-000000000003",
      "Fan \u00e9", "rev-parent-2");

  /** Format 8: a Map Run whose items run as child executions. */
  static final MapRunProgress MAP_RUN_CHILDREN = new MapRunProgress(MAP_RUN.mapRunArn(), MAP_RUN.cursor(),
      false, 3, 2_500, 2_400, 2_300, 7, 2_000, 50, 10, 2.5, MAP_RUN.results(), true);

  /** The finished Map Runs' counts in the header of format 7. */
  static final JsonNode FINISHED_MAP_RUNS = Json.read("""
      {"arn:aws:states:us-east-1:123456789012:mapRun:Golden/Old:0f1e2d3c-0000-4000-8000-000000000002":
        {"itemCounts":{"total":3},"executionCounts":{"total":3,"succeeded":3}}}""");

  private GoldenExecutionStates() {}

  /** The golden state's content: every frame phase, every timer kind, each field set. */
  static ExecutionState sample(ExecutionStatus status, String aliasArn) {
    return sample(status, aliasArn, null, -1);
  }

  static ExecutionState sample(ExecutionStatus status, String aliasArn, String revisionId, long redriveMillis) {
    return sample(status, aliasArn, revisionId, redriveMillis, null);
  }

  static ExecutionState sample(ExecutionStatus status, String aliasArn, String revisionId, long redriveMillis,
      ParentExecution parent) {
    ExecutionState.Header header = new ExecutionState.Header(ARN, STATE_MACHINE_ARN, "run-1", status, START,
        START + 60_000, json("{\"n\":1,\"s\":\"\u00e9\u2603\"}"), json("{\"ok\":true}"), "States.Timeout",
        "cause with \"quotes\"", 42, 2, 17, 16, 7, 41, "t-1", aliasArn, revisionId, redriveMillis, parent);
    Map<Integer, Frame> frames = new LinkedHashMap<>();
    Frame root = frame(0, Frame.NO_PARENT, 0, "Fan", Phase.CHILDREN, 0, null,
        Map.of("a", json("1"), "b", json("\"x\"")),
        StoredFrames.iterations(new JsonNode[] {null, json("{\"r\":1}")}, 1, new JsonNode[] {json("1"), json("2")},
            2, 1, 2, 1, 12.5));
    Frame task = frame(1, 0, 0, "Work", Phase.TASK, 1, new int[] {1, 0}, Map.of(),
        new TaskAttempt("tok-1", "t-2", "t-3", true, 30));
    Frame wait = frame(2, 0, 1, "Pause", Phase.WAIT, 0, null, Map.of(), new WaitTimer("t-4"));
    Frame backoff = frame(3, 0, 2, "Retrying", Phase.BACKOFF, 2, new int[] {2}, Map.of(), new RetryBackoff("t-5"));
    Frame[] all = {root, task, wait, backoff, frame(4, 0, 3, "Next", Phase.ENTER, 0, null, Map.of(), null),
        frame(5, 0, 4, "Again", Phase.RUNNING, 0, null, Map.of(), null),
        frame(6, 0, 5, "Broken", Phase.HALTED, 0, null, Map.of(), null)};
    for (Frame f : all) {
      frames.put(f.id(), f);
    }
    Map<String, Timer> timers = new LinkedHashMap<>();
    for (Timer t : new Timer[] {new Timer("t-1", -1, TimerKind.EXECUTION_TIMEOUT, START + 3_600_000),
        new Timer("t-2", 1, TimerKind.TASK_TIMEOUT, START + 300_000),
        new Timer("t-3", 1, TimerKind.HEARTBEAT_TIMEOUT, START + 30_000),
        new Timer("t-4", 2, TimerKind.WAIT, START + 10_000),
        new Timer("t-5", 3, TimerKind.RETRY_BACKOFF, START + 2_000)}) {
      timers.put(t.id(), t);
    }
    return new ExecutionState(header, frames, timers);
  }

  private static Frame frame(int id, int parentId, int index, String stateName, Phase phase, int retryCount,
      int[] retrierAttempts, Map<String, JsonNode> variables, StateWork work) {
    return StoredFrames.frame(id, parentId, index, stateName, phase, json("{\"frame\":" + id + "}"), 10 + id,
        START + id, 20 + id, retryCount, retrierAttempts, variables, work);
  }

  private static JsonNode json(String text) {
    return Json.read(text);
  }

  /**
   * Format 8 (current): format 7 plus the parent's Map state and revision after the finished Map Runs,
   * and the child-executions flag in a Map Run's progress.
   */
  static byte[] formatEight() {
    return withMapRun(MAP_RUN_PARENT, MAP_RUN_CHILDREN);
  }

  /**
   * Format 7: format 6 plus a paged Distributed Map's progress in each frame (written with the encoder
   * of its time, whose layout {@link #formatSevenTranscribed} keeps).
   */
  static byte[] formatSeven() {
    return formatSevenTranscribed();
  }

  private static byte[] withMapRun(ParentExecution parent, MapRunProgress mapRun) {
    ExecutionState state = sample(ExecutionStatus.RUNNING, ALIAS_ARN, REVISION_ID, REDRIVE_MILLIS, parent)
        .withLastApplied(new AppliedInput("task:tok-0", APPLIED_OUTPUTS));
    Map<Integer, Frame> frames = new LinkedHashMap<>(state.frames());
    frames.put(0, StoredFrames.withMapRun(frames.get(0), mapRun));
    ExecutionState.Header h = state.header();
    ExecutionState.Header header = new ExecutionState.Header(h.executionArn(), h.stateMachineArn(), h.name(),
        h.status(), h.startMillis(), h.stopMillis(), h.input(), h.output(), h.error(), h.cause(), h.nextEventId(),
        h.redriveCount(), h.sequence(), h.continueSequence(), h.nextFrameId(), h.lastEventId(), h.executionTimerId(),
        h.stateMachineAliasArn(), h.revisionId(), h.redriveMillis(), h.parent(), FINISHED_MAP_RUNS);
    return ExecutionStateCodec.encode(new ExecutionState(header, frames, state.timers())
        .withLastApplied(new AppliedInput("task:tok-0", APPLIED_OUTPUTS)));
  }

  /** The encoder of format 7 (before format 8), transcribed. */
  static byte[] formatSevenTranscribed() {
    ExecutionState state = sample(ExecutionStatus.RUNNING, ALIAS_ARN, REVISION_ID, REDRIVE_MILLIS, PARENT);
    Map<Integer, Frame> frames = new TreeMap<>(state.frames());
    frames.put(0, StoredFrames.withMapRun(frames.get(0), MAP_RUN));
    BinaryWriter out = new BinaryWriter(1024);
    ExecutionState withHeaderOnly = new ExecutionState(state.header(), Map.of(), Map.of());
    writeHeader(out, 7, withHeaderOnly, true, true);
    out.writeJson(FINISHED_MAP_RUNS);
    out.writeInt(frames.size());
    frames.values().forEach(f -> FrameCodec.write(out, f, true));
    writeTimers(out, state);
    AppliedInputCodec.write(out, new AppliedInput("task:tok-0", APPLIED_OUTPUTS));
    return out.toByteArray();
  }

  /** Format 6: the header ends with the parent execution's Task (the encoder before format 7, transcribed). */
  static byte[] formatSix() {
    ExecutionState state = sample(ExecutionStatus.RUNNING, ALIAS_ARN, REVISION_ID, REDRIVE_MILLIS, PARENT);
    BinaryWriter out = new BinaryWriter(1024);
    writeBody(out, 6, state, true, true);
    AppliedInputCodec.write(out, new AppliedInput("task:tok-0", APPLIED_OUTPUTS));
    return out.toByteArray();
  }

  /**
   * Format 5: the header ends with the definition revision and the last redrive time (written by
   * {@code ExecutionStateCodec.encode} of commit 2717c76, which the body below transcribes).
   */
  static byte[] formatFive() {
    ExecutionState state = sample(ExecutionStatus.PENDING_REDRIVE, ALIAS_ARN, REVISION_ID, REDRIVE_MILLIS)
        .withLastApplied(new AppliedInput("task:tok-0", APPLIED_OUTPUTS));
    BinaryWriter out = new BinaryWriter(1024);
    writeBody(out, 5, state, true, true);
    AppliedInputCodec.write(out, state.lastApplied().orElse(null));
    return out.toByteArray();
  }

  /** Format 4: format 2's body and an applied input trailer holding the host's output bytes. */
  static byte[] formatFour() {
    BinaryWriter out = new BinaryWriter(1024);
    writeBody(out, 4, sample(ExecutionStatus.ABORTED, ALIAS_ARN), true);
    AppliedInputCodec.write(out, new AppliedInput("task:tok-0", APPLIED_OUTPUTS));
    return out.toByteArray();
  }

  /** Format 3: an applied input trailer of JSON texts (events, then effects). */
  static byte[] formatThree() {
    BinaryWriter out = new BinaryWriter(1024);
    writeBody(out, 3, sample(ExecutionStatus.SUCCEEDED, ALIAS_ARN), true);
    out.writeBoolean(true);
    out.writeString("task:tok-0");
    out.writeInt(1);
    out.writeString(WireJson.encodeToString(new HistoryEvent(1, ARN, 43, 42, START, "TaskScheduled", null, null)));
    out.writeInt(5);
    out.writeByte(0); // ScheduleTask
    out.writeString(WireJson.encodeToString(new TaskRequest(1, ARN, "tok-0",
        "arn:aws:lambda:us-east-1:123456789012:function:Work", "Work", "Work", json("{}"), 0, null, null, json("{}"),
        START)));
    out.writeByte(1); // StartTimer
    out.writeString("t-9");
    out.writeLong(START + 5_000);
    out.writeByte(2); // CancelTimer
    out.writeString("t-8");
    out.writeByte(3); // ContinueLater
    out.writeLong(9);
    out.writeByte(4); // PublishSummary
    out.writeString(WireJson.encodeToString(new ExecutionSummary(1, ARN, STATE_MACHINE_ARN, "run-1", ExecutionStatus.RUNNING, START,
        null, json("{}"), null, null, null, 0, ALIAS_ARN)));
    return out.toByteArray();
  }

  /** Format 2: format 1 plus the alias ARN at the end of the header; no trailer. */
  static byte[] formatTwo() {
    BinaryWriter out = new BinaryWriter(1024);
    writeBody(out, 2, sample(ExecutionStatus.TIMED_OUT, ALIAS_ARN), true);
    return out.toByteArray();
  }

  /** Format 1: header, frames, timers. */
  static byte[] formatOne() {
    BinaryWriter out = new BinaryWriter(1024);
    writeBody(out, 1, sample(ExecutionStatus.FAILED, null), false);
    return out.toByteArray();
  }

  static void writeBody(BinaryWriter out, int format, ExecutionState state, boolean withAlias) {
    writeBody(out, format, state, withAlias, false);
  }

  static void writeBody(BinaryWriter out, int format, ExecutionState state, boolean withAlias, boolean withRevision) {
    writeHeader(out, format, state, withAlias, withRevision);
    out.writeInt(state.frames().size());
    new TreeMap<>(state.frames()).values().forEach(f -> FrameCodec.write(out, f, false));
    writeTimers(out, state);
  }

  private static void writeTimers(BinaryWriter out, ExecutionState state) {
    out.writeInt(state.timers().size());
    new TreeMap<>(state.timers()).values().forEach(t -> {
      out.writeString(t.id());
      out.writeInt(t.frameId());
      out.writeByte(t.kind().code());
      out.writeLong(t.dueAtMillis());
    });
  }

  private static void writeHeader(BinaryWriter out, int format, ExecutionState state, boolean withAlias,
      boolean withRevision) {
    out.writeByte(format);
    ExecutionState.Header h = state.header();
    out.writeString(h.executionArn());
    out.writeString(h.stateMachineArn());
    out.writeString(h.name());
    out.writeByte(h.status().code());
    out.writeLong(h.startMillis());
    out.writeLong(h.stopMillis());
    out.writeJson(h.input());
    out.writeJson(h.output());
    out.writeString(h.error());
    out.writeString(h.cause());
    out.writeLong(h.nextEventId());
    out.writeInt(h.redriveCount());
    out.writeLong(h.sequence());
    out.writeLong(h.continueSequence());
    out.writeInt(h.nextFrameId());
    out.writeLong(h.lastEventId());
    out.writeString(h.executionTimerId());
    if (withAlias) {
      out.writeString(h.stateMachineAliasArn());
    }
    if (withRevision) {
      out.writeString(h.revisionId());
      out.writeLong(h.redriveMillis());
    }
    if (format == 6 || format == 7) {
      ParentExecution parent = h.parent();
      out.writeString(parent == null ? null : parent.executionArn());
      out.writeString(parent == null ? null : parent.taskToken());
      out.writeString(parent == null ? null : parent.resource());
    }
  }

  /**
   * Adds the fixtures that do not exist yet; an existing fixture is never rewritten. Argument: the
   * fixture directory (default {@code engine/src/test/resources/golden}).
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "engine/src/test/resources/golden");
    Files.createDirectories(dir);
    Map<String, byte[]> fixtures = new LinkedHashMap<>();
    fixtures.put("execution-state-v1.bin", formatOne());
    fixtures.put("execution-state-v2.bin", formatTwo());
    fixtures.put("execution-state-v3.bin", formatThree());
    fixtures.put("execution-state-v4.bin", formatFour());
    fixtures.put("execution-state-v5.bin", formatFive());
    fixtures.put("execution-state-v6.bin", formatSix());
    fixtures.put("execution-state-v7.bin", formatSeven());
    fixtures.put("execution-state-v8.bin", formatEight());
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
