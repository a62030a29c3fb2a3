package dev.stepstream.server.triggers;

/** An event pattern that EventBridge would refuse; the message names the field and the problem. */
public final class InvalidPatternException extends IllegalArgumentException {
  public InvalidPatternException(String message) {
    super("Invalid event pattern: " + message);
  }
}
