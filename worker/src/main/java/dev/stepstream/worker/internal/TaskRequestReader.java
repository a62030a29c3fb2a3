package dev.stepstream.worker.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import dev.stepstream.worker.RawJson;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a task request with Jackson's streaming parser: the scalar fields as values, the input and
 * the context object as byte ranges (tokenized, so known to be well-formed, but not built as trees).
 * It takes only the plain spelling the engine writes (each field once, strings as strings, integers
 * as integers) and answers null for anything else, which {@code WireJson.decode} then judges.
 */
final class TaskRequestReader {
  private final byte[] bytes;
  private final JsonParser parser;
  private String type;
  private int version = -1;
  private String executionArn;
  private String taskToken;
  private String resource;
  private String taskName;
  private String stateName;
  private int inputFrom = -1;
  private int inputTo;
  private int attempt = -1;
  private Long timeoutSeconds;
  private Long heartbeatSeconds;
  private Long scheduledAt;
  private int contextFrom = -1;
  private int contextTo = -1;
  private int seen;

  private TaskRequestReader(byte[] bytes, JsonParser parser) {
    this.bytes = bytes;
    this.parser = parser;
  }

  /** The request, or null when the bytes are not in the plain spelling (or not a valid request). */
  static LazyTaskRequest read(byte[] bytes) {
    try (JsonParser parser = WireJson.mapper().getFactory().createParser(bytes)) {
      TaskRequestReader reader = new TaskRequestReader(bytes, parser);
      return reader.readObject() ? reader.build() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private boolean readObject() throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return false;
    }
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (!readField(name, parser.nextToken())) {
        return false;
      }
    }
    return token == JsonToken.END_OBJECT;
  }

  private boolean readField(String name, JsonToken value) throws IOException {
    int bit = switch (name) {
      case "type" -> 1;
      case "version" -> 2;
      case "executionArn" -> 4;
      case "taskToken" -> 8;
      case "resource" -> 16;
      case "taskName" -> 32;
      case "stateName" -> 64;
      case "input" -> 128;
      case "attempt" -> 256;
      case "timeoutSeconds" -> 512;
      case "heartbeatSeconds" -> 1024;
      case "context" -> 2048;
      case "scheduledAt" -> 4096;
      default -> 0;
    };
    if ((seen & bit) != 0) {
      return false;
    }
    seen |= bit;
    switch (name) {
      case "type" -> type = text(value);
      case "version" -> version = intValue(value);
      case "executionArn" -> executionArn = text(value);
      case "taskToken" -> taskToken = text(value);
      case "resource" -> resource = text(value);
      case "taskName" -> taskName = text(value);
      case "stateName" -> stateName = text(value);
      case "input" -> {
        inputFrom = start();
        inputTo = skipValue();
      }
      case "attempt" -> attempt = intValue(value);
      case "timeoutSeconds" -> timeoutSeconds = nullableLong(value);
      case "heartbeatSeconds" -> heartbeatSeconds = nullableLong(value);
      case "context" -> {
        contextFrom = start();
        contextTo = skipValue();
      }
      case "scheduledAt" -> scheduledAt = value == JsonToken.VALUE_NULL ? null : nullableLong(value);
      default -> parser.skipChildren();
    }
    return true;
  }

  private LazyTaskRequest build() {
    if (!"TaskRequest".equals(type) || version < 1 || version > WireVersions.CURRENT || attempt < 0
        || scheduledAt == null || inputFrom < 0 || blank(executionArn) || blank(taskToken) || blank(resource)
        || blank(taskName) || blank(stateName)) {
      return null;
    }
    RawJson input = RawJson.ofChecked(Arrays.copyOfRange(bytes, inputFrom, inputTo), CheckedJson.BY_READER);
    return new LazyTaskRequest(new LazyTaskRequest.TaskRequestFields(version, executionArn, taskToken, resource,
        taskName, stateName, attempt, timeoutSeconds, heartbeatSeconds, scheduledAt), input, bytes, contextFrom,
        contextTo);
  }

  private int start() {
    return Math.toIntExact(parser.currentTokenLocation().getByteOffset());
  }

  /** Skips the current value and returns the offset just after it. */
  private int skipValue() throws IOException {
    if (parser.currentToken().isStructStart()) {
      parser.skipChildren();
    } else {
      parser.finishToken();
    }
    return Math.toIntExact(parser.currentLocation().getByteOffset());
  }

  private String text(JsonToken value) throws IOException {
    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
  }

  /** An int written as an integer; -1 (rejected later) for anything else. */
  private int intValue(JsonToken value) throws IOException {
    return value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
        ? parser.getIntValue() : -1;
  }

  private Long nullableLong(JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return parser.getLongValue();
    }
    throw new IllegalArgumentException("not an integer");
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
