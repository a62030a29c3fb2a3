package dev.stepstream.engine;

import dev.stepstream.engine.runtime.BinaryReader;
import dev.stepstream.engine.runtime.BinaryWriter;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The optional {@link AppliedInput} trailer of the execution state format: wire records as JSON text. */
final class AppliedInputCodec {
  private static final int SCHEDULE_TASK = 0;
  private static final int START_TIMER = 1;
  private static final int CANCEL_TIMER = 2;
  private static final int CONTINUE_LATER = 3;
  private static final int PUBLISH_SUMMARY = 4;

  private AppliedInputCodec() {}

  static void write(BinaryWriter out, AppliedInput applied) {
    out.writeBoolean(applied != null);
    if (applied == null) {
      return;
    }
    out.writeString(applied.inputId());
    out.writeInt(applied.events().size());
    applied.events().forEach(e -> out.writeString(WireJson.encodeToString(e)));
    out.writeInt(applied.effects().size());
    applied.effects().forEach(effect -> writeEffect(out, effect));
  }

  static AppliedInput read(BinaryReader in) {
    if (!in.readBoolean()) {
      return null;
    }
    String inputId = in.readString();
    int eventCount = in.readInt();
    List<HistoryEvent> events = new ArrayList<>(eventCount);
    for (int i = 0; i < eventCount; i++) {
      events.add(decode(in.readString(), HistoryEvent.class));
    }
    int effectCount = in.readInt();
    List<Effect> effects = new ArrayList<>(effectCount);
    for (int i = 0; i < effectCount; i++) {
      effects.add(readEffect(in));
    }
    return new AppliedInput(inputId, events, effects);
  }

  private static void writeEffect(BinaryWriter out, Effect effect) {
    if (effect instanceof Effect.ScheduleTask task) {
      out.writeByte(SCHEDULE_TASK);
      out.writeString(WireJson.encodeToString(task.request()));
    } else if (effect instanceof Effect.StartTimer timer) {
      out.writeByte(START_TIMER);
      out.writeString(timer.timerId());
      out.writeLong(timer.dueAtMillis());
    } else if (effect instanceof Effect.CancelTimer timer) {
      out.writeByte(CANCEL_TIMER);
      out.writeString(timer.timerId());
    } else if (effect instanceof Effect.ContinueLater next) {
      out.writeByte(CONTINUE_LATER);
      out.writeLong(next.sequence());
    } else if (effect instanceof Effect.PublishSummary summary) {
      out.writeByte(PUBLISH_SUMMARY);
      out.writeString(WireJson.encodeToString(summary.summary()));
    } else {
      throw new IllegalArgumentException("unknown effect " + effect);
    }
  }

  private static Effect readEffect(BinaryReader in) {
    int kind = in.readByte();
    return switch (kind) {
      case SCHEDULE_TASK -> new Effect.ScheduleTask(decode(in.readString(), TaskRequest.class));
      case START_TIMER -> new Effect.StartTimer(in.readString(), in.readLong());
      case CANCEL_TIMER -> new Effect.CancelTimer(in.readString());
      case CONTINUE_LATER -> new Effect.ContinueLater(in.readLong());
      case PUBLISH_SUMMARY -> new Effect.PublishSummary(decode(in.readString(), ExecutionSummary.class));
      default -> throw new IllegalArgumentException("unknown effect kind " + kind);
    };
  }

  private static <T extends dev.stepstream.wire.WireRecord> T decode(String json, Class<T> type) {
    return WireJson.decode(json.getBytes(StandardCharsets.UTF_8), type);
  }
}
