package dev.stepstream.engine;

import dev.stepstream.engine.runtime.BinaryReader;
import dev.stepstream.engine.runtime.BinaryWriter;
import java.nio.charset.StandardCharsets;

/**
 * The optional {@link AppliedInput} trailer of the execution state format: a presence flag, the
 * input id and the host's output bytes. Format 3 kept the outputs as JSON texts of events and
 * effects; such a trailer is stepped over (the state reads as if nothing was recorded: only a crash
 * in the very last moments before an upgrade could have needed it).
 */
final class AppliedInputCodec {
  private static final int SCHEDULE_TASK = 0;
  private static final int START_TIMER = 1;
  private static final int CANCEL_TIMER = 2;
  private static final int CONTINUE_LATER = 3;
  private static final int PUBLISH_SUMMARY = 4;

  private AppliedInputCodec() {}

  static void write(BinaryWriter out, AppliedInput applied) {
    out.writeBoolean(applied != null);
    if (applied != null) {
      out.writeString(applied.inputId());
      out.writeBytes(applied.outputs());
    }
  }

  /** How many bytes {@link #write} takes for {@code applied}. */
  static int size(AppliedInput applied) {
    if (applied == null) {
      return 1;
    }
    return 1 + BinaryWriter.bytesSize(applied.inputId().getBytes(StandardCharsets.UTF_8).length)
        + BinaryWriter.bytesSize(applied.outputs().length);
  }

  static AppliedInput read(BinaryReader in) {
    if (!in.readBoolean()) {
      return null;
    }
    return new AppliedInput(in.readString(), in.readBytes());
  }

  /** Steps over a format 3 trailer. */
  static void skipJsonTrailer(BinaryReader in) {
    if (!in.readBoolean()) {
      return;
    }
    in.skipString();
    int events = in.readInt();
    for (int i = 0; i < events; i++) {
      in.skipString();
    }
    int effects = in.readInt();
    for (int i = 0; i < effects; i++) {
      skipEffect(in);
    }
  }

  private static void skipEffect(BinaryReader in) {
    int kind = in.readByte();
    switch (kind) {
      case SCHEDULE_TASK, CANCEL_TIMER, PUBLISH_SUMMARY -> in.skipString();
      case START_TIMER -> {
        in.skipString();
        in.readLong();
      }
      case CONTINUE_LATER -> in.readLong();
      default -> throw new IllegalArgumentException("unknown effect kind " + kind);
    }
  }
}
