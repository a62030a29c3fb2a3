package dev.stepstream.processor.integrations;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 rows: fields separated by a delimiter, optionally in double quotes (a quote inside is
 * doubled), rows ended by LF or CRLF (also inside quotes, a line break belongs to the field).
 */
final class CsvRows {
  private final String text;
  private final char delimiter;
  private int at;

  CsvRows(String text, char delimiter) {
    this(text, delimiter, 0);
  }

  /** Rows from {@code position} (a {@link #position()} read before), which must be the start of a row. */
  CsvRows(String text, char delimiter, int position) {
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    this.delimiter = delimiter;
    this.at = position;
  }

  /** Where the next row starts (in the text without its byte order mark). */
  int position() {
    return at;
  }

  boolean atEnd() {
    return at >= text.length();
  }

  /** The next row, or null at the end; an empty line is a row with one empty field. */
  List<String> next() {
    if (at >= text.length()) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (quoted) {
        if (c == '"' && at < text.length() && text.charAt(at) == '"') {
          field.append('"');
          at++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && at < text.length() && text.charAt(at) == '\n') {
          at++;
        }
        break;
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
