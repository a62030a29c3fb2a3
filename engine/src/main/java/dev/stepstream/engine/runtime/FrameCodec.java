package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Binary form of one {@link Frame}. */
public final class FrameCodec {
  private FrameCodec() {}

  public static void write(BinaryWriter out, Frame f) {
    out.writeInt(f.id);
    out.writeInt(f.parentId);
    out.writeInt(f.index);
    out.writeString(f.stateName);
    out.writeByte(f.phase.code());
    out.writeJson(f.input);
    out.writeLong(f.enteredEventId);
    out.writeLong(f.enteredMillis);
    out.writeLong(f.lastEventId);
    out.writeInt(f.retryCount);
    writeInts(out, f.retrierAttempts);
    out.writeString(f.token);
    out.writeString(f.timeoutTimerId);
    out.writeString(f.heartbeatTimerId);
    out.writeString(f.timerId);
    out.writeBoolean(f.taskStarted);
    out.writeLong(f.heartbeatSeconds);
    Map<String, JsonNode> vars = f.variables == null ? Map.of() : new TreeMap<>(f.variables);
    out.writeInt(vars.size());
    vars.forEach((name, value) -> {
      out.writeString(name);
      out.writeJson(value);
    });
    writeNodes(out, f.childResults);
    writeNodes(out, f.childInputs);
    out.writeInt(f.childrenStarted);
    out.writeInt(f.childrenDone);
    out.writeInt(f.childrenFailed);
    out.writeInt(f.maxConcurrency);
    out.writeLong(f.toleratedFailureCount);
    out.writeDouble(f.toleratedFailurePercentage);
  }

  public static Frame read(BinaryReader in) {
    Frame f = new Frame(in.readInt(), in.readInt(), in.readInt());
    f.stateName = in.readString();
    f.phase = Phase.fromCode(in.readByte());
    f.input = in.readJson();
    f.enteredEventId = in.readLong();
    f.enteredMillis = in.readLong();
    f.lastEventId = in.readLong();
    f.retryCount = in.readInt();
    f.retrierAttempts = readInts(in);
    f.token = in.readString();
    f.timeoutTimerId = in.readString();
    f.heartbeatTimerId = in.readString();
    f.timerId = in.readString();
    f.taskStarted = in.readBoolean();
    f.heartbeatSeconds = in.readLong();
    int varCount = in.readInt();
    Map<String, JsonNode> vars = new LinkedHashMap<>();
    for (int i = 0; i < varCount; i++) {
      vars.put(in.readString(), in.readJson());
    }
    f.variables = varCount == 0 ? Map.of() : vars;
    f.childResults = readNodes(in);
    f.childInputs = readNodes(in);
    f.childrenStarted = in.readInt();
    f.childrenDone = in.readInt();
    f.childrenFailed = in.readInt();
    f.maxConcurrency = in.readInt();
    f.toleratedFailureCount = in.readLong();
    f.toleratedFailurePercentage = in.readDouble();
    return f;
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
