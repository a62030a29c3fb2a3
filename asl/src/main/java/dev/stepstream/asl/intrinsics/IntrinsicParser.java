package dev.stepstream.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.path.JsonPathExpressions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code States.Name(arg, ...)}. Arguments are quoted strings ({@code \' \{ \} \\} escapes),
 * numbers, {@code true}/{@code false}/{@code null}, paths ({@code $}, {@code $$}, {@code $var}) and
 * nested calls. Function names, argument counts and literal Format templates are checked here.
 */
final class IntrinsicParser {
  static final String INVALID_INTRINSIC = "INVALID_INTRINSIC";

  /** AWS: "You can nest up to 10 intrinsic functions within a field" (its example counts every call). */
  static final int MAX_CALLS_PER_FIELD = 10;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String text;
  private int position;
  private int calls;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  static Argument.Call parse(String text) throws InvalidExpressionException {
    IntrinsicParser parser = new IntrinsicParser(text);
    parser.skipSpaces();
    Argument.Call call = parser.call();
    parser.skipSpaces();
    if (parser.position < text.length()) {
      throw parser.error("unexpected text after the closing ')'");
    }
    return call;
  }

  /** Splits a Format template given at run time (no escapes apply) at each {@code {}}. */
  static List<String> splitPlaceholders(String template) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", start)) {
      pieces.add(template.substring(start, at));
      start = at + 2;
    }
    pieces.add(template.substring(start));
    return pieces;
  }

  private Argument.Call call() throws InvalidExpressionException {
    int start = position;
    if (!text.startsWith("States.", position)) {
      throw error("expected an intrinsic function such as States.Format");
    }
    position += "States.".length();
    while (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
      position++;
    }
    String name = text.substring(start, position);
    IntrinsicFunction function = IntrinsicFunction.byName(name);
    if (function == null) {
      position = start;
      throw error("unknown intrinsic function '" + name + "'");
    }
    if (++calls > MAX_CALLS_PER_FIELD) {
      position = start;
      throw error("more than " + MAX_CALLS_PER_FIELD + " intrinsic functions in one field");
    }
    skipSpaces();
    expect('(');
    List<Argument> arguments = arguments();
    if (!function.accepts(arguments.size())) {
      position = start;
      throw error(name + " expects " + function.expectedArguments() + " but got " + arguments.size());
    }
    return IntrinsicChecks.check(new Argument.Call(function, arguments), this::errorAt, start);
  }

  private List<Argument> arguments() throws InvalidExpressionException {
    List<Argument> arguments = new ArrayList<>();
    skipSpaces();
    if (consume(')')) {
      return arguments;
    }
    do {
      skipSpaces();
      arguments.add(argument());
      skipSpaces();
    } while (consume(','));
    expect(')');
    return arguments;
  }

  private Argument argument() throws InvalidExpressionException {
    char c = peek();
    if (c == '\'') {
      return string();
    }
    if (c == '$') {
      return path();
    }
    if (text.startsWith("States.", position)) {
      return call();
    }
    if (c == '-' || Character.isDigit(c)) {
      return new Argument.Literal(number());
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (text.startsWith(word, position) && !isWordChar(peekAt(word.length()))) {
        position += word.length();
        JsonNode value = "null".equals(word) ? NODES.nullNode() : NODES.booleanNode("true".equals(word));
        return new Argument.Literal(value);
      }
    }
    throw error("expected an argument (string, number, boolean, null, path or intrinsic function)");
  }

  private Argument string() throws InvalidExpressionException {
    int start = position++;
    StringBuilder value = new StringBuilder();
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == '\'') {
        pieces.add(piece.toString());
        return new Argument.Text(NODES.textNode(value.toString()), pieces);
      }
      if (c == '\\') {
        char escaped = peek();
        if ("'{}\\".indexOf(escaped) < 0 || position >= text.length()) {
          throw error("invalid escape; only \\', \\{, \\} and \\\\ are allowed");
        }
        position++;
        value.append(escaped);
        piece.append(escaped);
      } else if (c == '{' && peek() == '}') {
        position++;
        value.append("{}");
        pieces.add(piece.toString());
        piece.setLength(0);
      } else {
        value.append(c);
        piece.append(c);
      }
    }
    position = start;
    throw error("unterminated string literal");
  }

  private Argument path() throws InvalidExpressionException {
    int start = position;
    int depth = 0;
    char quote = 0;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (quote != 0) {
        if (c == '\\') {
          position++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = depth > 0 ? c : 0;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || (c == ')' && depth > 0)) {
        depth--;
      } else if (depth == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
        break;
      }
      position++;
    }
    String pathText = text.substring(start, position);
    try {
      return new Argument.Path(JsonPathExpressions.path(pathText));
    } catch (InvalidExpressionException invalid) {
      position = start;
      throw error(invalid.getMessage());
    }
  }

  private JsonNode number() throws InvalidExpressionException {
    int start = position;
    while (position < text.length() && "+-.eE0123456789".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
    String digits = text.substring(start, position);
    try {
      BigDecimal value = new BigDecimal(digits);
      if (digits.matches("-?\\d+")) {
        long whole = value.longValueExact();
        return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
      }
      return NODES.numberNode(value.doubleValue());
    } catch (NumberFormatException | ArithmeticException bad) {
      position = start;
      throw error("invalid number '" + digits + "'");
    }
  }

  private InvalidExpressionException errorAt(int at, String problem) {
    return new InvalidExpressionException(
        INVALID_INTRINSIC, "Invalid intrinsic function call '" + text + "': " + problem + " at column " + (at + 1));
  }

  private InvalidExpressionException error(String problem) {
    return errorAt(position, problem);
  }

  private void skipSpaces() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private char peek() {
    return peekAt(0);
  }

  private char peekAt(int offset) {
    return position + offset < text.length() ? text.charAt(position + offset) : '\0';
  }

  private boolean consume(char expected) {
    if (peek() == expected && position < text.length()) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(char expected) throws InvalidExpressionException {
    if (!consume(expected)) {
      throw error("expected '" + expected + "'");
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
