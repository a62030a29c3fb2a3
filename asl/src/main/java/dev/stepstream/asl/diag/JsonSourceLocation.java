package dev.stepstream.asl.diag;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;

/**
 * The location AWS appends to an INVALID_JSON_DESCRIPTION message and returns as its
 * {@code location}: Jackson's {@code [Source: (String)"<definition>"; line: L, column: C]} (the
 * definition cut at 500 characters, as Jackson cuts it). AWS's parser reports an unrecognized token
 * at the column after it ({@code "not a definition"} gives column 4), where current Jackson gives its
 * first column, so the token's length is added back.
 */
public final class JsonSourceLocation {
  /** Between Jackson's message and the location, as in Jackson's own exception text. */
  public static final String SEPARATOR = "\n at ";
  private static final String UNRECOGNIZED = "Unrecognized token '";

  private JsonSourceLocation() {}

  public static String of(StreamReadException e) {
    JsonLocation where = e.getLocation();
    if (where == null) {
      return "[Source: UNKNOWN; line: -1, column: -1]";
    }
    int column = where.getColumnNr() + unrecognizedTokenLength(e.getOriginalMessage());
    return "[Source: " + where.sourceDescription() + "; line: " + where.getLineNr() + ", column: " + column + "]";
  }

  /** The location part of an INVALID_JSON_DESCRIPTION message, or empty when it has none. */
  public static String split(String message) {
    int at = message.lastIndexOf(SEPARATOR);
    return at < 0 ? "" : message.substring(at + SEPARATOR.length());
  }

  private static int unrecognizedTokenLength(String message) {
    if (message == null || !message.startsWith(UNRECOGNIZED)) {
      return 0;
    }
    int end = message.indexOf("': was expecting", UNRECOGNIZED.length());
    return end < 0 ? 0 : end - UNRECOGNIZED.length();
  }
}
