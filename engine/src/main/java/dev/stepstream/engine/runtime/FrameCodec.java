package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binary form of one {@link Frame}: position, retries, then the fields of every kind of
 * {@link StateWork} in a fixed layout (empty where the frame's work is of another kind). From
 * execution state format 7 on, a paged Distributed Map's {@link MapRunProgress} follows (a
 * presence flag, then its fields).
 */
public final class FrameCodec {
  private FrameCodec() {}

  /** The current layout, with the Distributed Map progress. */
  public static void write(BinaryWriter out, Frame f) {
    write(out, f, true, true);
  }

  /** @param withMapRun false for the layout of execution state formats 1 to 6 (true: format 7) */
  public static void write(BinaryWriter out, Frame f, boolean withMapRun) {
    write(out, f, withMapRun, false);
  }

  /**
   * @param withMapRun false for the layout of execution state formats 1 to 6
   * @param withChildFlag false for the layout of formats up to 7 (no child-executions flag)
   */
  public static void write(BinaryWriter out, Frame f, boolean withMapRun, boolean withChildFlag) {
    out.writeInt(f.id());
    out.writeInt(f.parentId());
    out.writeInt(f.index());
    out.writeString(f.stateName());
    out.writeByte(f.phase().code());
    out.writeJson(f.input());
    out.writeLong(f.enteredEventId());
    out.writeLong(f.enteredMillis());
    out.writeLong(f.lastEventId());
    out.writeInt(f.retryCount());
    writeInts(out, f.retrierAttemptsForEncoding());
    writeWaiting(out, f.work());
    Map<String, JsonNode> vars = f.variables() == null ? Map.of() : new TreeMap<>(f.variables());
    out.writeInt(vars.size());
    vars.forEach((name, value) -> {
      out.writeString(name);
      out.writeJson(value);
    });
    writeChildren(out, f.children());
    if (withMapRun) {
      writeMapRun(out, f.mapRun(), withChildFlag);
    }
  }

  private static void writeMapRun(BinaryWriter out, MapRunProgress p, boolean withChildFlag) {
    out.writeBoolean(p != null);
    if (p == null) {
      return;
    }
    out.writeString(p.mapRunArn());
    out.writeJson(p.cursor());
    out.writeBoolean(p.exhausted());
    out.writeInt(p.pages());
    out.writeLong(p.itemsRead());
    out.writeLong(p.total());
    out.writeLong(p.succeeded());
    out.writeLong(p.failed());
    out.writeLong(p.resultsWritten());
    out.writeInt(p.maxConcurrency());
    out.writeLong(p.toleratedFailureCount());
    out.writeDouble(p.toleratedFailurePercentage());
    out.writeJson(p.results());
    if (withChildFlag) {
      out.writeBoolean(p.childExecutions());
    }
  }

  private static MapRunProgress readMapRun(BinaryReader in, boolean withChildFlag) {
    if (!in.readBoolean()) {
      return null;
    }
    String mapRunArn = in.readString();
    JsonNode cursor = in.readJson();
    boolean exhausted = in.readBoolean();
    int pages = in.readInt();
    long itemsRead = in.readLong();
    long total = in.readLong();
    long succeeded = in.readLong();
    long failed = in.readLong();
    long written = in.readLong();
    int maxConcurrency = in.readInt();
    long toleratedCount = in.readLong();
    double toleratedPercentage = in.readDouble();
    JsonNode results = in.readJson();
    boolean childExecutions = withChildFlag && in.readBoolean();
    return new MapRunProgress(mapRunArn, cursor, exhausted, pages, itemsRead, total, succeeded, failed, written, maxConcurrency,
        toleratedCount, toleratedPercentage, results instanceof ArrayNode a ? a : null, childExecutions);
  }

  /** Token, timeout/heartbeat/wait timers, started flag and heartbeat seconds (empty unless waiting). */
  private static void writeWaiting(BinaryWriter out, StateWork work) {
    TaskAttempt task = work instanceof TaskAttempt t ? t : null;
    String timerId = work instanceof WaitTimer w ? w.timerId() : work instanceof RetryBackoff b ? b.timerId() : null;
    out.writeString(task == null ? null : task.token());
    out.writeString(task == null ? null : task.timeoutTimerId());
    out.writeString(task == null ? null : task.heartbeatTimerId());
    out.writeString(timerId);
    out.writeBoolean(task != null && task.started());
    out.writeLong(task == null ? 0 : task.heartbeatSeconds());
  }

  private static void writeChildren(BinaryWriter out, ChildWork children) {
    Iterations map = children instanceof Iterations i ? i : null;
    writeNodes(out, children == null ? null : children.resultsForEncoding());
    writeNodes(out, map == null ? null : map.inputsForEncoding());
    out.writeInt(map == null ? (children == null ? 0 : children.size()) : map.started());
    out.writeInt(children == null ? 0 : children.done());
    out.writeInt(map == null ? 0 : map.failed());
    out.writeInt(map == null ? 0 : map.maxConcurrency());
    out.writeLong(map == null ? -1 : map.toleratedFailureCount());
    out.writeDouble(map == null ? -1 : map.toleratedFailurePercentage());
  }

  /** The current layout, with the Distributed Map progress. */
  public static Frame read(BinaryReader in) {
    return read(in, true);
  }

  /** @param withMapRun false for the layout of execution state formats 1 to 6 */
  public static Frame read(BinaryReader in, boolean withMapRun) {
    return read(in, withMapRun, false);
  }

  /**
   * @param withMapRun false for the layout of execution state formats 1 to 6
   * @param withChildFlag false for the layout of formats up to 7 (no child-executions flag)
   */
  public static Frame read(BinaryReader in, boolean withMapRun, boolean withChildFlag) {
    int id = in.readInt();
    int parentId = in.readInt();
    int index = in.readInt();
    String stateName = in.readString();
    Phase phase = Phase.fromCode(in.readByte());
    JsonNode input = in.readJson();
    long enteredEventId = in.readLong();
    long enteredMillis = in.readLong();
    long lastEventId = in.readLong();
    int retryCount = in.readInt();
    int[] retrierAttempts = readInts(in);
    StateWork waiting = readWaiting(in, phase);
    int varCount = in.readInt();
    Map<String, JsonNode> vars = new LinkedHashMap<>();
    for (int i = 0; i < varCount; i++) {
      vars.put(in.readString(), in.readJson());
    }
    ChildWork children = readChildren(in);
    Frame f = Frame.restored(id, parentId, index, stateName, phase, input, enteredEventId, enteredMillis, lastEventId,
        retryCount, retrierAttempts, varCount == 0 ? Map.of() : vars, children != null ? children : waiting);
    return withMapRun ? Frame.restored(f, readMapRun(in, withChildFlag)) : f;
  }

  /** The waiting fields as the phase reads them; fields left over from an earlier phase are dropped. */
  private static StateWork readWaiting(BinaryReader in, Phase phase) {
    String token = in.readString();
    String timeoutTimerId = in.readString();
    String heartbeatTimerId = in.readString();
    String timerId = in.readString();
    boolean started = in.readBoolean();
    long heartbeatSeconds = in.readLong();
    return switch (phase) {
      case TASK -> token == null ? null : new TaskAttempt(token, timeoutTimerId, heartbeatTimerId, started, heartbeatSeconds);
      case WAIT -> timerId == null ? null : new WaitTimer(timerId);
      case BACKOFF -> timerId == null ? null : new RetryBackoff(timerId);
      default -> null;
    };
  }

  /** Parallel branches have no prepared inputs; Map iterations always have (a length-0 array for none). */
  private static ChildWork readChildren(BinaryReader in) {
    JsonNode[] results = readNodes(in);
    JsonNode[] inputs = readNodes(in);
    int started = in.readInt();
    int done = in.readInt();
    int failed = in.readInt();
    int maxConcurrency = in.readInt();
    long toleratedCount = in.readLong();
    double toleratedPercentage = in.readDouble();
    if (results == null) {
      return null;
    }
    if (inputs == null) {
      return new Branches(results, done);
    }
    return new Iterations(results, done, inputs, started, failed, maxConcurrency, toleratedCount, toleratedPercentage);
  }

  private static void writeInts(BinaryWriter out, int[] values) {
    out.writeInt(values == null ? -1 : values.length);
    if (values != null) {
      for (int v : values) {
        out.writeInt(v);
      }
    }
  }

  private static int[] readInts(BinaryReader in) {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = in.readInt();
    }
    return values;
  }

  private static void writeNodes(BinaryWriter out, JsonNode[] nodes) {
    out.writeInt(nodes == null ? -1 : nodes.length);
    if (nodes != null) {
      for (JsonNode n : nodes) {
        out.writeJson(n);
      }
    }
  }

  private static JsonNode[] readNodes(BinaryReader in) {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    JsonNode[] nodes = new JsonNode[n];
    for (int i = 0; i < n; i++) {
      nodes[i] = in.readJson();
    }
    return nodes;
  }
}
