package dev.stepstream.worker.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import dev.stepstream.wire.WorkerOutput;
import dev.stepstream.worker.RawJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes task results with Jackson's streaming generator: the same bytes as {@code WireJson.encode}
 * of the TaskSucceeded, TaskFailed and TaskHeartbeat records, without the reflective serialiser and,
 * for a {@link RawJson} output, without a tree (its bytes are copied as they are).
 */
final class ResultWriter {
  private static final SerializableString TYPE = new SerializedString("type");
  private static final SerializableString VERSION = new SerializedString("version");
  private static final SerializableString EXECUTION_ARN = new SerializedString("executionArn");
  private static final SerializableString TASK_TOKEN = new SerializedString("taskToken");
  private static final SerializableString OUTPUT = new SerializedString("output");
  private static final SerializableString ERROR = new SerializedString("error");
  private static final SerializableString CAUSE = new SerializedString("cause");
  private static final SerializableString WORKER_NAME = new SerializedString("workerName");
  private static final SerializableString WORKER_OUTPUT = new SerializedString("workerOutput");

  private ResultWriter() {}

  /** A TaskSucceeded; {@code output} is a {@link JsonNode} or a {@link RawJson}. */
  static byte[] succeeded(String executionArn, String taskToken, Object output, List<String> workerOutput) {
    RawJson raw = output instanceof RawJson r ? r : null;
    int size = 160 + executionArn.length() + taskToken.length() + (raw == null ? 64 : raw.bytes().length);
    try (ByteArrayBuilder out = new ByteArrayBuilder(size);
        JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out)) {
      start(g, "TaskSucceeded", executionArn, taskToken);
      g.writeFieldName(OUTPUT);
      if (raw != null) {
        g.writeRawValue(new RawValue(raw.bytes()));
      } else {
        g.writeTree((JsonNode) output);
      }
      lines(g, WorkerOutput.bound(workerOutput));
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the TaskSucceeded of " + taskToken, e);
    }
  }

  static byte[] failed(TaskFailed failed) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(256);
        JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out)) {
      start(g, "TaskFailed", failed.executionArn(), failed.taskToken());
      text(g, ERROR, failed.error());
      text(g, CAUSE, failed.cause());
      lines(g, failed.workerOutput());
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the TaskFailed of " + failed.taskToken(), e);
    }
  }

  static byte[] heartbeat(TaskHeartbeat heartbeat) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(256);
        JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out)) {
      start(g, "TaskHeartbeat", heartbeat.executionArn(), heartbeat.taskToken());
      text(g, WORKER_NAME, heartbeat.workerName());
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the TaskHeartbeat of " + heartbeat.taskToken(), e);
    }
  }

  private static void start(JsonGenerator g, String type, String executionArn, String taskToken) throws IOException {
    g.writeStartObject();
    g.writeFieldName(TYPE);
    g.writeString(type);
    g.writeFieldName(VERSION);
    g.writeNumber(WireVersions.CURRENT);
    text(g, EXECUTION_ARN, executionArn);
    text(g, TASK_TOKEN, taskToken);
  }

  private static void text(JsonGenerator g, SerializableString name, String value) throws IOException {
    if (value != null) {
      g.writeFieldName(name);
      g.writeString(value);
    }
  }

  private static void lines(JsonGenerator g, List<String> lines) throws IOException {
    if (lines != null) {
      g.writeFieldName(WORKER_OUTPUT);
      g.writeStartArray();
      for (String line : lines) {
        g.writeString(line);
      }
      g.writeEndArray();
    }
  }

  /** Hands the generator a JSON value's UTF-8 bytes to copy as they are. */
  private record RawValue(byte[] utf8) implements SerializableString {
    @Override
    public String getValue() {
      return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
      return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
      throw new UnsupportedOperationException("raw JSON is written as UTF-8 bytes");
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return utf8;
    }

    @Override
    public byte[] asQuotedUTF8() {
      throw new UnsupportedOperationException("raw JSON is written as UTF-8 bytes");
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      throw new UnsupportedOperationException("raw JSON is written as UTF-8 bytes");
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      throw new UnsupportedOperationException("raw JSON is written as UTF-8 bytes");
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      if (offset + utf8.length > buffer.length) {
        return -1;
      }
      System.arraycopy(utf8, 0, buffer, offset, utf8.length);
      return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      throw new UnsupportedOperationException("raw JSON is written as UTF-8 bytes");
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
      throw new UnsupportedOperationException("raw JSON is written as UTF-8 bytes");
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(utf8);
      return utf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
      throw new UnsupportedOperationException("raw JSON is written as UTF-8 bytes");
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      if (buffer.remaining() < utf8.length) {
        return -1;
      }
      buffer.put(utf8);
      return utf8.length;
    }
  }
}
