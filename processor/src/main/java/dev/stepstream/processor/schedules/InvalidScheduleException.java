package dev.stepstream.processor.schedules;

/** A schedule field that cannot be used; the message names the field, as {@code Field: what is wrong}. */
public final class InvalidScheduleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidScheduleException(String field, String problem) {
    super(field + ": " + problem);
  }
}
