package dev.stepstream.processor;

import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes the recorded outputs format of {@link Outputs} into one array of the exact size: the very
 * bytes {@link java.io.DataOutputStream} would write (big-endian ints and longs, strings as modified
 * UTF-8 with a 2-byte length), without its per-byte synchronised stream, the growing buffer and the
 * final copy. It runs for every decision of the fast profile.
 */
final class RecordedOutputsWriter {
  private RecordedOutputsWriter() {}

  static byte[] write(int format, List<Outputs.Output> outputs) {
    ByteBuffer out = ByteBuffer.allocate(size(outputs));
    out.put((byte) format);
    out.putInt(outputs.size());
    for (Outputs.Output output : outputs) {
      write(out, output);
    }
    return out.array();
  }

  /** How many bytes {@link #write} writes for {@code outputs}. */
  static int size(List<Outputs.Output> outputs) {
    int size = 1 + 4;
    for (Outputs.Output output : outputs) {
      size += sizeOf(output);
    }
    return size;
  }

  private static int sizeOf(Outputs.Output output) {
    if (output instanceof HistoryStore.Chunk chunk) {
      return 1 + utfSize(chunk.key()) + 4 + chunk.value().length;
    } else if (output instanceof Outputs.Task t) {
      return 1 + utfSize(t.taskName()) + 4 + t.request().length;
    } else if (output instanceof Outputs.Command c) {
      return 1 + 4 + c.command().length;
    } else if (output instanceof Outputs.Summary s) {
      return 1 + 4 + s.summary().length;
    } else if (output instanceof Outputs.StartTimer t) {
      return 1 + utfSize(t.timerId()) + 8;
    } else if (output instanceof Outputs.CancelTimer t) {
      return 1 + utfSize(t.timerId());
    } else if (output instanceof Outputs.CommandTo c) {
      return 1 + utfSize(c.key()) + 4 + c.command().length;
    }
    Outputs.TaskResultTo r = (Outputs.TaskResultTo) output;
    return 1 + utfSize(r.key()) + 4 + r.result().length;
  }

  private static void write(ByteBuffer out, Outputs.Output output) {
    if (output instanceof HistoryStore.Chunk chunk) {
      out.put((byte) Outputs.HISTORY);
      utf(out, chunk.key());
      bytes(out, chunk.value());
    } else if (output instanceof Outputs.Task t) {
      out.put((byte) Outputs.TASK);
      utf(out, t.taskName());
      bytes(out, t.request());
    } else if (output instanceof Outputs.Command c) {
      out.put((byte) Outputs.COMMAND);
      bytes(out, c.command());
    } else if (output instanceof Outputs.Summary s) {
      out.put((byte) Outputs.SUMMARY);
      bytes(out, s.summary());
    } else if (output instanceof Outputs.StartTimer t) {
      out.put((byte) Outputs.START_TIMER);
      utf(out, t.timerId());
      out.putLong(t.dueAtMillis());
    } else if (output instanceof Outputs.CancelTimer t) {
      out.put((byte) Outputs.CANCEL_TIMER);
      utf(out, t.timerId());
    } else if (output instanceof Outputs.CommandTo c) {
      out.put((byte) Outputs.COMMAND_TO);
      utf(out, c.key());
      bytes(out, c.command());
    } else if (output instanceof Outputs.TaskResultTo r) {
      out.put((byte) Outputs.TASK_RESULT_TO);
      utf(out, r.key());
      bytes(out, r.result());
    }
  }

  private static void bytes(ByteBuffer out, byte[] value) {
    out.putInt(value.length);
    out.put(value);
  }

  /** The 2-byte length and the modified UTF-8 bytes of {@code text}, as {@code DataOutputStream.writeUTF}. */
  static int utfSize(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
    }
    if (bytes > 65535) {
      throw new UncheckedIOException(new UTFDataFormatException("encoded string too long: " + bytes + " bytes"));
    }
    return 2 + bytes;
  }

  /** Writes {@code text} as {@code DataOutputStream.writeUTF}; its length was checked when the buffer was sized. */
  private static void utf(ByteBuffer out, String text) {
    int lengthAt = out.position();
    out.putShort((short) 0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x0001 && c <= 0x007F) {
        out.put((byte) c);
      } else if (c <= 0x07FF) {
        out.put((byte) (0xC0 | ((c >> 6) & 0x1F)));
        out.put((byte) (0x80 | (c & 0x3F)));
      } else {
        out.put((byte) (0xE0 | ((c >> 12) & 0x0F)));
        out.put((byte) (0x80 | ((c >> 6) & 0x3F)));
        out.put((byte) (0x80 | (c & 0x3F)));
      }
    }
    out.putShort(lengthAt, (short) (out.position() - lengthAt - 2));
  }
}
