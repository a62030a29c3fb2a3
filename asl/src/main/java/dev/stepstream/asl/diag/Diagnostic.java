package dev.stepstream.asl.diag;

import java.util.Objects;

/**
 * One finding about a definition, located by a JSON pointer into it (RFC 6901, e.g.
 * {@code /States/Fetch/Retry/0/BackoffRate}), in the spirit of ValidateStateMachineDefinition.
 */
public record Diagnostic(String code, Severity severity, String message, String location) {
  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  public static Diagnostic error(String code, String location, String message) {
    return new Diagnostic(code, Severity.ERROR, message, location);
  }

  public static Diagnostic warning(String code, String location, String message) {
    return new Diagnostic(code, Severity.WARNING, message, location);
  }

  @Override
  public String toString() {
    return severity + " " + code + " at " + (location.isEmpty() ? "/" : location) + ": " + message;
  }
}
