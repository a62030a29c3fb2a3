package dev.stepstream.wire;

/** Bytes that are not a valid wire record; the message says what is wrong and where. */
public final class WireFormatException extends RuntimeException {
  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
