package dev.stepstream.asl.eval;

/**
 * A runtime failure that the state machine can observe: an ASL error name (for example
 * {@code States.ParameterPathFailure}) and a cause text, exactly as AWS reports them.
 * Retry and Catch match on {@link #error()}.
 */
public final class AslException extends RuntimeException {
  private final String error;
  private final String cause;
  private final String location;

  public AslException(String error, String cause) {
    this(error, cause, null);
  }

  /** @param location the field that failed, as AWS names it in EvaluationFailed events ({@code Output/a}); or null */
  public AslException(String error, String cause, String location) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
    this.location = location;
  }

  /** The field that failed ({@code Items}, {@code Output/result} ...), or null when not known. */
  public String location() {
    return location;
  }

  public String error() {
    return error;
  }

  /** The human-readable cause (named so to avoid clashing with {@link Throwable#getCause()}). */
  public String causeText() {
    return cause;
  }
}
