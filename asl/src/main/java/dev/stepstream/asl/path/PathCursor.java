package dev.stepstream.asl.path;

import dev.stepstream.asl.eval.InvalidExpressionException;

/** A read position in a path text, with error reporting by (1-based) column. */
final class PathCursor {
  static final String INVALID_JSON_PATH = "INVALID_JSON_PATH";

  private final String text;
  private int position;

  PathCursor(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  boolean atEnd() {
    return position >= text.length();
  }

  char peek() {
    return atEnd() ? '\0' : text.charAt(position);
  }

  char peekAt(int offset) {
    int at = position + offset;
    return at < text.length() ? text.charAt(at) : '\0';
  }

  char next() {
    return text.charAt(position++);
  }

  boolean consume(char expected) {
    if (peek() == expected && !atEnd()) {
      position++;
      return true;
    }
    return false;
  }

  boolean consume(String expected) {
    if (text.startsWith(expected, position)) {
      position += expected.length();
      return true;
    }
    return false;
  }

  void expect(char expected) throws InvalidExpressionException {
    if (!consume(expected)) {
      throw error("expected '" + expected + "' but found " + describeNext());
    }
  }

  void skipSpaces() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      position++;
    }
  }

  int position() {
    return position;
  }

  String slice(int from) {
    return text.substring(from, position);
  }

  String describeNext() {
    return atEnd() ? "the end of the path" : "'" + peek() + "'";
  }

  InvalidExpressionException error(String problem) {
    return new InvalidExpressionException(
        INVALID_JSON_PATH,
        "Invalid JSONPath '" + text + "': " + problem + " at column " + (position + 1));
  }

  /** Reads an optionally signed decimal integer. */
  int readInteger() throws InvalidExpressionException {
    int start = position;
    consume('-');
    while (Character.isDigit(peek()) && !atEnd()) {
      position++;
    }
    String digits = slice(start);
    if (digits.isEmpty() || "-".equals(digits)) {
      position = start;
      throw error("expected an integer but found " + describeNext());
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException tooLarge) {
      position = start;
      throw error("integer '" + digits + "' is out of range");
    }
  }

  /**
   * Reads a single- or double-quoted name. {@code \} before the closing quote character stands for
   * that quote; before anything else it is kept as written: AWS selects the key {@code Test\""Name"}
   * with {@code $['Test\""Name"']} (LocalStack's AWS-validated test_escape_sequence_parsing).
   */
  String readQuoted() throws InvalidExpressionException {
    char quote = next();
    StringBuilder value = new StringBuilder();
    while (!atEnd()) {
      char c = next();
      if (c == quote) {
        return value.toString();
      }
      if (c == '\\') {
        if (atEnd()) {
          break;
        }
        c = next();
        if (c != quote) {
          value.append('\\');
        }
      }
      value.append(c);
    }
    throw error("unterminated quoted name");
  }
}
