package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedOutputsWriterTest {
  private static final String[] TEXTS = {"", "t-1", "arn:aws:states:us-east-1:1:execution:M:é-ü", "nul\u0000inside",
      "ß\u07FF\u0800\uFFFF", "emoji \uD83D\uDE00 pair", "lone \uD800 surrogate"};

  @Test
  void shouldWriteTheBytesOfADataOutputStreamForEveryKindAndText() throws IOException {
    for (String text : TEXTS) {
      byte[] payload = ("{\"t\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
      List<Outputs.Output> all = List.of(new HistoryStore.Chunk(text, payload), new Outputs.Task(text, payload),
          new Outputs.Command(payload), new Outputs.Summary(new byte[0]), new Outputs.StartTimer(text, -7L),
          new Outputs.StartTimer(text, Long.MAX_VALUE), new Outputs.CancelTimer(text),
          new Outputs.CommandTo(text, payload), new Outputs.TaskResultTo(text, payload));

      assertThat(RecordedOutputsWriter.write(3, all)).as(text).isEqualTo(dataOutputStream(3, all));
    }
  }

  @Test
  void shouldWriteNoOutputsAsTheFormatAndAZeroCount() throws IOException {
    assertThat(RecordedOutputsWriter.write(3, List.of())).isEqualTo(dataOutputStream(3, List.of()));
  }

  @Test
  void shouldRefuseATextOverTheModifiedUtf8LimitAsDataOutputStreamDoes() {
    List<Outputs.Output> all = List.of(new Outputs.CancelTimer("é".repeat(32_768)));

    assertThatThrownBy(() -> RecordedOutputsWriter.write(3, all)).isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(UTFDataFormatException.class);
    assertThatThrownBy(() -> dataOutputStream(3, all)).isInstanceOf(UTFDataFormatException.class);
  }

  /** The writer this class replaced, kept as the reference of the format. */
  private static byte[] dataOutputStream(int format, List<Outputs.Output> all) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(format);
    out.writeInt(all.size());
    for (Outputs.Output output : all) {
      if (output instanceof HistoryStore.Chunk c) {
        kindKeyBytes(out, Outputs.HISTORY, c.key(), c.value());
      } else if (output instanceof Outputs.Task t) {
        kindKeyBytes(out, Outputs.TASK, t.taskName(), t.request());
      } else if (output instanceof Outputs.Command c) {
        kindKeyBytes(out, Outputs.COMMAND, null, c.command());
      } else if (output instanceof Outputs.Summary s) {
        kindKeyBytes(out, Outputs.SUMMARY, null, s.summary());
      } else if (output instanceof Outputs.StartTimer t) {
        out.writeByte(Outputs.START_TIMER);
        out.writeUTF(t.timerId());
        out.writeLong(t.dueAtMillis());
      } else if (output instanceof Outputs.CancelTimer t) {
        out.writeByte(Outputs.CANCEL_TIMER);
        out.writeUTF(t.timerId());
      } else if (output instanceof Outputs.CommandTo c) {
        kindKeyBytes(out, Outputs.COMMAND_TO, c.key(), c.command());
      } else if (output instanceof Outputs.TaskResultTo r) {
        kindKeyBytes(out, Outputs.TASK_RESULT_TO, r.key(), r.result());
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static void kindKeyBytes(DataOutputStream out, int kind, String key, byte[] value) throws IOException {
    out.writeByte(kind);
    if (key != null) {
      out.writeUTF(key);
    }
    out.writeInt(value.length);
    out.write(value);
  }
}
