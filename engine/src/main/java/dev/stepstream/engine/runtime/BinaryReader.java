package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link BinaryWriter} wrote. */
public final class BinaryReader {
  private final byte[] bytes;
  private int position;

  public BinaryReader(byte[] bytes) {
    this.bytes = bytes;
  }

  public int readByte() {
    if (position >= bytes.length) {
      throw new IllegalArgumentException("Truncated execution state");
    }
    return bytes[position++] & 0xFF;
  }

  public boolean readBoolean() {
    return readByte() != 0;
  }

  public long readLong() {
    long v = 0;
    int shift = 0;
    while (true) {
      int b = readByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
    }
    return (v >>> 1) ^ -(v & 1);
  }

  public int readInt() {
    return (int) readLong();
  }

  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  public String readString() {
    int length = (int) readLong();
    if (length < 0) {
      return null;
    }
    if (position + length > bytes.length) {
      throw new IllegalArgumentException("Truncated execution state");
    }
    String s = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return s;
  }

  /** What {@link BinaryWriter#writeBytes} wrote. */
  public byte[] readBytes() {
    int length = (int) readLong();
    if (length < 0 || position + length > bytes.length) {
      throw new IllegalArgumentException("Truncated execution state");
    }
    byte[] out = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return out;
  }

  /** Steps over a string without decoding it. */
  public void skipString() {
    int length = (int) readLong();
    if (length > 0) {
      if (position + length > bytes.length) {
        throw new IllegalArgumentException("Truncated execution state");
      }
      position += length;
    }
  }

  public JsonNode readJson() {
    String text = readString();
    return text == null ? null : Json.read(text);
  }
}
