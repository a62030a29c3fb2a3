package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little byte buffer for the execution state codec (null-aware strings and JSON). */
public final class BinaryWriter {
  private byte[] buffer;
  private int size;

  public BinaryWriter(int capacity) {
    buffer = new byte[capacity];
  }

  public void writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  public void writeBoolean(boolean value) {
    writeByte(value ? 1 : 0);
  }

  /** Variable-length (zig-zag) encoding: small numbers take one byte. */
  public void writeLong(long value) {
    long v = (value << 1) ^ (value >> 63);
    while ((v & ~0x7FL) != 0) {
      writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    writeByte((int) v);
  }

  public void writeInt(int value) {
    writeLong(value);
  }

  public void writeDouble(double value) {
    writeLong(Double.doubleToLongBits(value));
  }

  /** How many bytes {@link #writeBytes} takes for {@code length} bytes: the length, then the bytes. */
  public static int bytesSize(int length) {
    return longSize(length) + length;
  }

  /** How many bytes {@link #writeLong} takes for {@code value}. */
  static int longSize(long value) {
    long v = (value << 1) ^ (value >> 63);
    int size = 1;
    while ((v & ~0x7FL) != 0) {
      size++;
      v >>>= 7;
    }
    return size;
  }

  /** A string, or null. */
  public void writeString(String value) {
    if (value == null) {
      writeLong(-1);
      return;
    }
    writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON value as its JSON text, or null. */
  public void writeJson(JsonNode value) {
    writeString(value == null ? null : Json.write(value));
  }

  /** A byte array as it is (not null). */
  public void writeBytes(byte[] bytes) {
    writeLong(bytes.length);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }
}
