package dev.stepstream.engine;

import dev.stepstream.engine.runtime.FrameCodec;
import dev.stepstream.engine.runtime.BinaryReader;
import dev.stepstream.engine.runtime.BinaryWriter;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Timer;
import dev.stepstream.engine.runtime.TimerKind;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ParentExecution;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A compact binary form of {@link ExecutionState} for the state store: a format byte, the header,
 * the frames and the timers. JSON values are stored as their JSON text. Format 2 adds the alias ARN
 * at the end of the header; format 3 adds the optional {@link AppliedInput} after the timers (as JSON
 * texts); format 4 keeps it as the host's bytes; format 5 adds the definition revision and the last
 * redrive time at the end of the header; format 6 adds the parent execution's Task (ARN, token,
 * Resource; three absent strings when none) at the end of the header; format 7 adds the
 * finished Map Runs' counts at the end of the header and a paged Distributed Map's progress to each
 * frame ({@code FrameCodec}); format 8 adds the parent's Map state and revision (a Distributed Map's
 * child execution) after those counts and, in a Map Run's progress, whether its items run as child
 * executions. Formats 1 (written before aliases existed) to 4 are still
 * read; a format 3 trailer is stepped over.
 */
public final class ExecutionStateCodec {
  private static final int FORMAT = 8;
  private static final int FORMAT_WITH_MAP_RUN_CHILDREN = 8;
  private static final int FORMAT_WITH_MAP_RUN = 7;
  private static final int FORMAT_WITH_PARENT = 6;
  private static final int FORMAT_WITH_REVISION = 5;
  private static final int FORMAT_WITH_APPLIED_INPUT = 4;
  private static final int FORMAT_WITH_JSON_APPLIED_INPUT = 3;
  private static final int FORMAT_WITHOUT_ALIAS = 1;

  private ExecutionStateCodec() {}

  public static byte[] encode(ExecutionState state) {
    // the fast profile's applied input (the state before it, or outputs) can be most of it: room up front
    BinaryWriter out = new BinaryWriter(512 + state.lastApplied().map(a -> a.outputs().length + 64).orElse(0));
    out.writeByte(FORMAT);
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
    out.writeString(h.stateMachineAliasArn());
    out.writeString(h.revisionId());
    out.writeLong(h.redriveMillis());
    ParentExecution parent = h.parent();
    out.writeString(parent == null ? null : parent.executionArn());
    out.writeString(parent == null ? null : parent.taskToken());
    out.writeString(parent == null ? null : parent.resource());
    out.writeJson(h.finishedMapRuns());
    out.writeString(parent == null ? null : parent.mapState());
    out.writeString(parent == null ? null : parent.revisionId());
    out.writeInt(state.frames().size());
    state.frames().keySet().stream().sorted().forEach(id -> FrameCodec.write(out, state.frames().get(id)));
    out.writeInt(state.timers().size());
    state.timers().keySet().stream().sorted().forEach(id -> {
      Timer t = state.timers().get(id);
      out.writeString(t.id());
      out.writeInt(t.frameId());
      out.writeByte(t.kind().code());
      out.writeLong(t.dueAtMillis());
    });
    AppliedInputCodec.write(out, state.lastApplied().orElse(null));
    return out.toByteArray();
  }

  /**
   * The encoding of {@code state.withLastApplied(null)}, after {@code headroom} zero bytes left for
   * the caller's own header. When {@code encoded} is {@code state}'s own bytes in the current format,
   * they are cut before the applied input (the last thing written) instead of encoding the state
   * again: a host that keeps the state before each input (the processor's at-least-once replay)
   * saves one encoding and one copy per step.
   */
  public static byte[] encodeWithoutLastApplied(ExecutionState state, byte[] encoded, int headroom) {
    AppliedInput applied = state.lastApplied().orElse(null);
    int cut = encoded == null ? -1 : encoded.length - AppliedInputCodec.size(applied);
    if (cut < 1 || encoded[0] != FORMAT || !endsWith(encoded, cut, applied)) {
      byte[] fresh = encode(state.withLastApplied(null));
      byte[] out = new byte[headroom + fresh.length];
      System.arraycopy(fresh, 0, out, headroom, fresh.length);
      return out;
    }
    byte[] out = new byte[headroom + cut + 1]; // the last byte, 0, says "no applied input"
    System.arraycopy(encoded, 0, out, headroom, cut);
    return out;
  }

  /** Whether {@code encoded} ends with {@code applied}'s trailer, starting at {@code from}. */
  private static boolean endsWith(byte[] encoded, int from, AppliedInput applied) {
    if (applied == null) {
      return encoded[from] == 0;
    }
    byte[] outputs = applied.outputs();
    return encoded[from] == 1
        && Arrays.equals(encoded, encoded.length - outputs.length, encoded.length, outputs, 0, outputs.length);
  }

  public static ExecutionState decode(byte[] bytes) {
    BinaryReader in = new BinaryReader(bytes);
    int format = in.readByte();
    if (format < FORMAT_WITHOUT_ALIAS || format > FORMAT) {
      throw new IllegalArgumentException("Unknown execution state format " + format);
    }
    ExecutionState.Header h = new ExecutionState.Header(in.readString(), in.readString(), in.readString(),
        ExecutionStatus.fromCode(in.readByte()), in.readLong(), in.readLong(), in.readJson(), in.readJson(),
        in.readString(), in.readString(), in.readLong(), in.readInt(), in.readLong(), in.readLong(), in.readInt(),
        in.readLong(), in.readString(), format != FORMAT_WITHOUT_ALIAS ? in.readString() : null,
        format >= FORMAT_WITH_REVISION ? in.readString() : null, format >= FORMAT_WITH_REVISION ? in.readLong() : -1,
        format >= FORMAT_WITH_PARENT ? readParent(in) : null, format >= FORMAT_WITH_MAP_RUN ? in.readJson() : null);
    if (format >= FORMAT_WITH_MAP_RUN_CHILDREN) {
      h = h.withMapRunParent(in.readString(), in.readString());
    }
    int frameCount = in.readInt();
    Map<Integer, Frame> frames = new HashMap<>();
    for (int i = 0; i < frameCount; i++) {
      Frame f = FrameCodec.read(in, format >= FORMAT_WITH_MAP_RUN, format >= FORMAT_WITH_MAP_RUN_CHILDREN);
      frames.put(f.id(), f);
    }
    int timerCount = in.readInt();
    Map<String, Timer> timers = new LinkedHashMap<>();
    for (int i = 0; i < timerCount; i++) {
      Timer t = new Timer(in.readString(), in.readInt(), TimerKind.fromCode(in.readByte()), in.readLong());
      timers.put(t.id(), t);
    }
    ExecutionState state = new ExecutionState(h, frames, timers);
    if (format == FORMAT_WITH_JSON_APPLIED_INPUT) {
      AppliedInputCodec.skipJsonTrailer(in);
    }
    return format >= FORMAT_WITH_APPLIED_INPUT ? state.withLastApplied(AppliedInputCodec.read(in)) : state;
  }

  private static ParentExecution readParent(BinaryReader in) {
    String arn = in.readString();
    String token = in.readString();
    String resource = in.readString();
    return arn == null ? null : new ParentExecution(arn, token, resource);
  }
}
