package dev.stepstream.worker;

/**
 * Fails the task with a chosen error name and cause, the equivalent of a Lambda function raising a
 * custom error: a Task state's {@code Retry}/{@code Catch} match {@link #error()} in
 * {@code ErrorEquals}, and the cause reaches the error output's {@code Cause}.
 *
 * <pre>{@code throw new TaskFailure("Image.TooLarge", "the image has 12 MiB, the limit is 10 MiB");}</pre>
 *
 * Names starting with {@code States.} are reserved for Step Functions' own errors.
 */
public class TaskFailure extends RuntimeException {
  private final String error;
  private final String causeText;

  /**
   * @param error the error name, not blank
   * @param cause a human-readable cause, or null
   */
  public TaskFailure(String error, String cause) {
    this(error, cause, null);
  }

  /** As {@link #TaskFailure(String, String)}, keeping {@code origin} as the exception's cause for logs. */
  public TaskFailure(String error, String cause, Throwable origin) {
    super(error + (cause == null ? "" : ": " + cause), origin);
    if (error == null || error.isBlank()) {
      throw new IllegalArgumentException("a TaskFailure needs an error name");
    }
    this.error = error;
    this.causeText = cause;
  }

  /** The error name reported in TaskFailed. */
  public String error() {
    return error;
  }

  /** The cause text reported in TaskFailed, or null. */
  public String causeText() {
    return causeText;
  }
}
