package dev.stepstream.asl.eval;

/**
 * A runtime failure that the state machine can observe: an ASL error name (for example
 * {@code States.ParameterPathFailure}) and a cause text, exactly as AWS reports them.
 * Retry and Catch match on {@link #error()}.
 */
public final class AslException extends RuntimeException {
  private final String error;
  private final String cause;

  public AslException(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  public String error() {
    return error;
  }

  /** The human-readable cause (named so to avoid clashing with {@link Throwable#getCause()}). */
  public String causeText() {
    return cause;
  }
}
