package dev.stepstream.engine.local;

import java.util.List;

/** A mock configuration that cannot be used; each problem names its JSON pointer. */
public final class InvalidMocksException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public InvalidMocksException(List<String> problems) {
    super("Invalid mock configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code "at /pointer: message"}. */
  public List<String> problems() {
    return problems;
  }
}
