package dev.stepstream.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** Encodes and decodes wire records as UTF-8 JSON. Thread-safe. */
public final class WireJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_EXTERNAL_TYPE_ID_PROPERTY)
          .build();

  private WireJson() {}

  /** The shared, fully configured mapper (do not reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] encode(WireRecord record) {
    try {
      return MAPPER.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + record.getClass().getSimpleName(), e);
    }
  }

  public static String encodeToString(WireRecord record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + record.getClass().getSimpleName(), e);
    }
  }

  public static JsonNode toTree(WireRecord record) {
    return MAPPER.valueToTree(record);
  }

  /**
   * @throws WireFormatException when the bytes are not JSON (or are JSON null), lack or have an unknown {@code type},
   *     are a different record kind than {@code expected}, or miss a required field
   */
  public static <T extends WireRecord> T decode(byte[] bytes, Class<T> expected) {
    if (bytes == null) {
      throw new WireFormatException("expected a " + expected.getSimpleName() + " record but the value is null", null);
    }
    if (expected.isAssignableFrom(TaskSucceeded.class)) {
      TaskSucceeded read = TaskSucceededReader.read(MAPPER, bytes);
      if (read != null) {
        return expected.cast(read);
      }
    }
    T decoded;
    try {
      decoded = MAPPER.readValue(bytes, expected);
    } catch (IOException e) {
      throw new WireFormatException(
          "not a valid " + expected.getSimpleName() + " record: " + conciseReason(e), e);
    }
    if (decoded == null) {
      throw new WireFormatException("expected a " + expected.getSimpleName() + " record but the value is JSON null", null);
    }
    return decoded;
  }

  private static String conciseReason(IOException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root instanceof IllegalArgumentException ? root.getMessage() : e.getMessage();
    int newline = message == null ? -1 : message.indexOf('\n');
    return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
  }
}
