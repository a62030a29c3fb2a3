package dev.stepstream.worker;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.internal.CheckedJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One JSON value as its UTF-8 bytes, read only when asked. A {@link LazyTaskHandler} receives the
 * task input as one, and may return one as the task output: its bytes are then copied into the
 * result as they are, without a tree in between (an echo worker returns its input).
 *
 * <p>{@link #tree()} parses once and keeps the tree; {@link #as(Class)} binds the bytes straight to
 * a type. Instances are immutable and thread-safe as long as nobody changes the array given to or
 * returned by {@link #bytes()}, which is not copied.
 */
public final class RawJson {
  private final byte[] utf8;
  private volatile JsonNode tree;

  private RawJson(byte[] utf8) {
    this.utf8 = utf8;
  }

  /**
   * The JSON value in {@code utf8} (not copied: do not change the array afterwards).
   *
   * @throws IllegalArgumentException when the bytes are not exactly one JSON value
   */
  public static RawJson of(byte[] utf8) {
    if (utf8 == null) {
      throw new IllegalArgumentException("RawJson needs bytes; use \"null\" for JSON null");
    }
    requireOneValue(utf8);
    return new RawJson(utf8);
  }

  /**
   * For the SDK's own reader: bytes it already read as one JSON value. Without its proof (null) the
   * bytes are checked as by {@link #of(byte[])}.
   */
  public static RawJson ofChecked(byte[] utf8, CheckedJson proof) {
    return proof == null ? of(utf8) : new RawJson(utf8);
  }

  /**
   * The JSON value in {@code json}.
   *
   * @throws IllegalArgumentException when the text is not exactly one JSON value
   */
  public static RawJson of(String json) {
    if (json == null) {
      throw new IllegalArgumentException("RawJson needs text; use \"null\" for JSON null");
    }
    return of(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The value's UTF-8 bytes as received, not copied: do not change them. */
  public byte[] bytes() {
    return utf8;
  }

  /** The value as a Jackson tree, parsed on the first call. */
  public JsonNode tree() {
    JsonNode parsed = tree;
    if (parsed == null) {
      try {
        parsed = WireJson.mapper().readTree(utf8);
      } catch (IOException e) {
        throw new IllegalStateException("the JSON value cannot be read: " + e.getMessage(), e);
      }
      tree = parsed;
    }
    return parsed;
  }

  /**
   * The value bound to {@code type} with the SDK's Jackson mapper (unknown properties ignored).
   *
   * @throws IllegalArgumentException when the value does not fit the type
   */
  public <T> T as(Class<T> type) {
    try {
      return WireJson.mapper().readValue(utf8, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("the JSON value is not a " + type.getSimpleName() + ": "
          + e.getMessage(), e);
    }
  }

  /** As {@link #as(Class)}, for generic types: {@code as(new TypeReference<List<Order>>() {})}. */
  public <T> T as(TypeReference<T> type) {
    try {
      return WireJson.mapper().readValue(utf8, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("the JSON value is not a " + type.getType().getTypeName() + ": "
          + e.getMessage(), e);
    }
  }

  /** The JSON text as received. */
  @Override
  public String toString() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** Equal when the bytes are equal (two spellings of the same value are not). */
  @Override
  public boolean equals(Object other) {
    return other instanceof RawJson raw && Arrays.equals(utf8, raw.utf8);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(utf8);
  }

  private static void requireOneValue(byte[] utf8) {
    try (JsonParser parser = WireJson.mapper().getFactory().createParser(utf8)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("RawJson needs one JSON value but the bytes are empty");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("RawJson needs one JSON value but there is more after it, at byte "
            + parser.currentTokenLocation().getByteOffset());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("RawJson needs one JSON value: " + e.getMessage(), e);
    }
  }
}
