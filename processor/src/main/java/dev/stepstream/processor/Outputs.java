package dev.stepstream.processor;

import dev.stepstream.engine.Effect;
import dev.stepstream.wire.Continue;
import dev.stepstream.wire.ExecutionSummaryWriter;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskRequestWriter;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one decision makes the processor write, already encoded: history chunks, task requests,
 * Continue commands, the summary, and timer starts and cancellations, in the order they are written.
 * The fast profile keeps {@link #toBytes(int)} in the execution state (see {@code AppliedInput}) so
 * that a duplicate of the input can write the very same records again, when it is smaller than the
 * {@link ReplayRecipe} it keeps otherwise (see {@link DuplicateReplay}); until 2026-12-06 it always
 * kept these bytes.
 *
 * <p>Recorded format 2 is a version byte, then format 1: the number of outputs (a 4-byte int), then
 * each output as a kind byte and its fields. Format 1 (no version byte) is still read; it always
 * starts with a zero byte, as no decision has 2^24 outputs. Format 3 is format 2 with two more kinds,
 * commands and task results keyed by another execution. The kind codes never change.
 */
final class Outputs {
  /** One output; history is written as {@link HistoryStore.Chunk}s. */
  sealed interface Output
      permits HistoryStore.Chunk, Task, Command, Summary, StartTimer, CancelTimer, CommandTo, TaskResultTo {}

  record Task(String taskName, byte[] request) implements Output {}

  record Command(byte[] command) implements Output {}

  record Summary(byte[] summary) implements Output {}

  record StartTimer(String timerId, long dueAtMillis) implements Output {}

  record CancelTimer(String timerId) implements Output {}

  /** A command to another execution (its ARN is the key). */
  record CommandTo(String key, byte[] command) implements Output {}

  /** A task result for another execution's Task (its ARN is the key). */
  record TaskResultTo(String key, byte[] result) implements Output {}

  static final int HISTORY = 0;
  static final int TASK = 1;
  static final int COMMAND = 2;
  static final int SUMMARY = 3;
  static final int START_TIMER = 4;
  static final int CANCEL_TIMER = 5;
  static final int COMMAND_TO = 6;
  static final int TASK_RESULT_TO = 7;

  private static final int FORMAT = 3;
  private static final int FORMAT_WITH_VERSION_BYTE = 2;

  private final List<Output> all;

  private Outputs(List<Output> all) {
    this.all = all;
  }

  List<Output> all() {
    return all;
  }

  /** Outputs already encoded (tests of the recorded format). */
  static Outputs ofRecorded(List<Output> all) {
    return new Outputs(List.copyOf(all));
  }

  /** Encodes a decision's events and effects. */
  static Outputs of(String executionArn, List<HistoryEvent> events, List<Effect> effects) {
    List<Output> out = new ArrayList<>(effects.size() + 1);
    if (!events.isEmpty()) {
      out.addAll(HistoryStore.chunks(executionArn, events));
    }
    for (Effect effect : effects) {
      out.add(encode(executionArn, effect));
    }
    return new Outputs(out);
  }

  private static Output encode(String executionArn, Effect effect) {
    if (effect instanceof Effect.ScheduleTask task) {
      return new Task(task.request().taskName(), TaskRequestWriter.encode(task.request()));
    } else if (effect instanceof Effect.StartTimer timer) {
      return new StartTimer(timer.timerId(), timer.dueAtMillis());
    } else if (effect instanceof Effect.CancelTimer timer) {
      return new CancelTimer(timer.timerId());
    } else if (effect instanceof Effect.ContinueLater next) {
      return new Command(WireJson.encode(new Continue(WireVersions.CURRENT, executionArn, next.sequence())));
    } else if (effect instanceof Effect.PublishSummary summary) {
      return new Summary(ExecutionSummaryWriter.encode(summary.summary()));
    } else if (effect instanceof Effect.SendCommand send) {
      return new CommandTo(send.command().executionArn(), WireJson.encode(send.command()));
    } else if (effect instanceof Effect.SendTaskResult send) {
      return new TaskResultTo(send.result().executionArn(), WireJson.encode(send.result()));
    }
    throw new IllegalArgumentException("unknown effect " + effect);
  }

  /** The size of {@link #toBytes(int)} with every output kept. */
  int recordedSize() {
    return RecordedOutputsWriter.size(all);
  }

  /** Every output; history only while it stays under {@code maxHistoryBytes} in all. */
  byte[] toBytes(int maxHistoryBytes) {
    List<Output> kept = new ArrayList<>(all.size());
    long historyBytes = 0;
    for (Output output : all) {
      if (output instanceof HistoryStore.Chunk chunk) {
        historyBytes += chunk.value().length;
        if (historyBytes > maxHistoryBytes) {
          continue;
        }
      }
      kept.add(output);
    }
    return RecordedOutputsWriter.write(FORMAT, kept);
  }

  /** Reads what {@link #toBytes(int)} wrote. */
  static Outputs fromBytes(byte[] bytes) {
    int leading = bytes.length == 0 ? 0 : bytes[0] & 0xFF;
    if (leading != 0 && leading != FORMAT && leading != FORMAT_WITH_VERSION_BYTE) {
      throw new IllegalArgumentException("Unknown recorded outputs format " + leading);
    }
    int start = leading == 0 ? 0 : 1; // a leading 0 is format 1's count
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, start, bytes.length - start))) {
      int count = in.readInt();
      List<Output> all = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        all.add(read(in));
      }
      return new Outputs(all);
    } catch (IOException e) {
      throw new UncheckedIOException("the recorded outputs are truncated or corrupt", e);
    }
  }

  private static Output read(DataInputStream in) throws IOException {
    int kind = in.readByte();
    return switch (kind) {
      case HISTORY -> new HistoryStore.Chunk(in.readUTF(), readBytes(in));
      case TASK -> new Task(in.readUTF(), readBytes(in));
      case COMMAND -> new Command(readBytes(in));
      case SUMMARY -> new Summary(readBytes(in));
      case START_TIMER -> new StartTimer(in.readUTF(), in.readLong());
      case CANCEL_TIMER -> new CancelTimer(in.readUTF());
      case COMMAND_TO -> new CommandTo(in.readUTF(), readBytes(in));
      case TASK_RESULT_TO -> new TaskResultTo(in.readUTF(), readBytes(in));
      default -> throw new IOException("unknown output kind " + kind);
    };
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] value = new byte[in.readInt()];
    in.readFully(value);
    return value;
  }
}
