package dev.stepstream.worker.internal;

import dev.stepstream.worker.TaskFailure;

/**
 * Turns what a handler threw into the error name and cause of a TaskFailed record.
 *
 * <p>A {@link TaskFailure} keeps its chosen name and cause. Any other exception is named after its
 * fully qualified class name, which is what the AWS Lambda Java runtime puts in {@code errorType}
 * for an unhandled exception (for example {@code java.lang.RuntimeException}) and what Step
 * Functions then matches in {@code ErrorEquals}; the cause is the exception's message. (Step
 * Functions' own Cause for a Lambda failure is the JSON error document; Stepstream keeps only the
 * message.) Both are cut to the limits of SendTaskFailure: 256 characters for the error, 32768 for
 * the cause.
 */
public final class FailureMapping {
  public static final int MAX_ERROR_LENGTH = 256;
  public static final int MAX_CAUSE_LENGTH = 32_768;

  private FailureMapping() {}

  /** The error name and cause reported for {@code thrown}. */
  public static Failure of(Throwable thrown) {
    if (thrown instanceof TaskFailure failure) {
      return new Failure(failure.error(), failure.causeText());
    }
    return new Failure(thrown.getClass().getName(), thrown.getMessage());
  }

  /**
   * @param error the error name, at most {@link #MAX_ERROR_LENGTH} characters
   * @param cause the cause, at most {@link #MAX_CAUSE_LENGTH} characters, or null
   */
  public record Failure(String error, String cause) {
    public Failure {
      error = truncate(error, MAX_ERROR_LENGTH);
      cause = cause == null ? null : truncate(cause, MAX_CAUSE_LENGTH);
    }
  }

  /** The first {@code max} characters of {@code text}, never splitting a surrogate pair. */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
