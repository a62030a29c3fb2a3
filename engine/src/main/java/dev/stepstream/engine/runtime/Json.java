package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;

/** JSON text conversion for history payloads and the state codec. */
public final class Json {
  /** Configured once and never changed afterwards; ObjectMapper is thread-safe for reading/writing. */
  private static final ObjectMapper MAPPER = new ObjectMapper();
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  public static String write(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise JSON value", e);
    }
  }

  public static JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid JSON in execution state", e);
    }
  }

  /** The UTF-8 size of a JSON text, counting exactly only when the text could exceed {@code limit}. */
  public static int utf8Size(String text, int limit) {
    if ((long) text.length() * 3 <= limit) {
      return text.length();
    }
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
