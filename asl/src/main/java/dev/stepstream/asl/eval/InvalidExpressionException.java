package dev.stepstream.asl.eval;

/**
 * Thrown by compile methods for text that is not a valid path, intrinsic call, template or JSONata
 * expression. The parser turns it into a diagnostic; it never escapes {@code Asl.compile}.
 * {@link #relativePointer()} locates the problem inside the value that was compiled ("" = the value
 * itself, "/a.$" = the key {@code a.$} of a template).
 */
public final class InvalidExpressionException extends Exception {
  private final String code;
  private final String relativePointer;

  public InvalidExpressionException(String code, String message) {
    this(code, message, "");
  }

  public InvalidExpressionException(String code, String message, String relativePointer) {
    super(message, null, false, false);
    this.code = code;
    this.relativePointer = relativePointer;
  }

  /** A diagnostic code such as {@code INVALID_JSON_PATH}, {@code INVALID_INTRINSIC}, {@code INVALID_JSONATA}. */
  public String code() {
    return code;
  }

  public String relativePointer() {
    return relativePointer;
  }

  public InvalidExpressionException under(String pointerPrefix) {
    return new InvalidExpressionException(code, getMessage(), pointerPrefix + relativePointer);
  }
}
