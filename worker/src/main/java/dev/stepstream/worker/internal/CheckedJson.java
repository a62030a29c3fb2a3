package dev.stepstream.worker.internal;

/**
 * Proof, only the SDK can make, that bytes were already tokenized as one JSON value (the task
 * reader checked the input while it read the request), so {@code RawJson} need not read them again.
 * Not part of the API.
 */
public final class CheckedJson {
  static final CheckedJson BY_READER = new CheckedJson();

  private CheckedJson() {}
}
