package dev.stepstream.asl.path;

import dev.stepstream.asl.eval.InvalidExpressionException;
import java.util.ArrayList;
import java.util.List;

/** Parses the JSONPath syntax AWS Step Functions accepts into a root and a list of segments. */
final class PathParser {
  private final PathCursor cursor;

  private PathParser(String text) {
    this.cursor = new PathCursor(text);
  }

  record Parsed(PathRoot root, List<PathSegment> segments) {}

  static Parsed parse(String text) throws InvalidExpressionException {
    PathParser parser = new PathParser(text);
    PathRoot root = parser.root();
    List<PathSegment> segments = new ArrayList<>();
    while (!parser.cursor.atEnd()) {
      segments.add(parser.segment());
    }
    return new Parsed(root, List.copyOf(segments));
  }

  private PathRoot root() throws InvalidExpressionException {
    if (!cursor.consume('$')) {
      throw cursor.error("a path must start with '$' but found " + cursor.describeNext());
    }
    if (cursor.consume('$')) {
      return new PathRoot.Context();
    }
    if (isVariableStart(cursor.peek())) {
      int start = cursor.position();
      while (isVariablePart(cursor.peek())) {
        cursor.next();
      }
      return new PathRoot.Variable(cursor.slice(start));
    }
    return new PathRoot.Input();
  }

  private PathSegment segment() throws InvalidExpressionException {
    if (cursor.consume("..")) {
      return new PathSegment.DeepScan(afterDot(true));
    }
    if (cursor.consume('.')) {
      return afterDot(false);
    }
    if (cursor.consume('[')) {
      return bracket();
    }
    throw cursor.error("unexpected character " + cursor.describeNext());
  }

  private PathSegment afterDot(boolean deep) throws InvalidExpressionException {
    if (cursor.consume('*')) {
      return new PathSegment.Wildcard();
    }
    if (deep && cursor.consume('[')) {
      return bracket();
    }
    int start = cursor.position();
    while (isNameChar(cursor.peek())) {
      cursor.next();
    }
    if (cursor.position() == start) {
      throw cursor.error("expected a field name but found " + cursor.describeNext());
    }
    return new PathSegment.Field(cursor.slice(start));
  }

  private PathSegment bracket() throws InvalidExpressionException {
    cursor.skipSpaces();
    PathSegment segment;
    char c = cursor.peek();
    if (cursor.consume('*')) {
      segment = new PathSegment.Wildcard();
    } else if (c == '?') {
      cursor.next();
      cursor.skipSpaces();
      cursor.expect('(');
      segment = new PathSegment.Filter(new FilterParser(cursor).parse());
      cursor.skipSpaces();
      cursor.expect(')');
    } else if (c == '\'' || c == '"') {
      segment = names();
    } else if (c == '-' || c == ':' || Character.isDigit(c)) {
      segment = indexes();
    } else {
      throw cursor.error("unexpected " + cursor.describeNext() + " after '['");
    }
    cursor.skipSpaces();
    cursor.expect(']');
    return segment;
  }

  private PathSegment names() throws InvalidExpressionException {
    List<PathSegment.Definite> fields = new ArrayList<>();
    do {
      cursor.skipSpaces();
      if (cursor.peek() != '\'' && cursor.peek() != '"') {
        throw cursor.error("expected a quoted name but found " + cursor.describeNext());
      }
      fields.add(new PathSegment.Field(cursor.readQuoted()));
      cursor.skipSpaces();
    } while (cursor.consume(','));
    return fields.size() == 1 ? fields.get(0) : new PathSegment.Union(fields);
  }

  private PathSegment indexes() throws InvalidExpressionException {
    Integer first = cursor.peek() == ':' ? null : cursor.readInteger();
    cursor.skipSpaces();
    if (cursor.consume(':')) {
      cursor.skipSpaces();
      Integer end = cursor.peek() == ']' ? null : cursor.readInteger();
      return new PathSegment.Slice(first, end);
    }
    List<PathSegment.Definite> members = new ArrayList<>();
    members.add(new PathSegment.Index(first));
    while (cursor.consume(',')) {
      cursor.skipSpaces();
      members.add(new PathSegment.Index(cursor.readInteger()));
      cursor.skipSpaces();
    }
    return members.size() == 1 ? members.get(0) : new PathSegment.Union(members);
  }

  static boolean isVariableStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  static boolean isVariablePart(char c) {
    return isVariableStart(c) || (c >= '0' && c <= '9');
  }

  /** Characters allowed in a dot-notation field name. */
  static boolean isNameChar(char c) {
    return c != '\0' && !Character.isWhitespace(c) && ".[]()'\",=<>!&|*?@$".indexOf(c) < 0;
  }
}
