package dev.stepstream.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;

/** States.Format, States.StringSplit, States.UUID. */
final class StringIntrinsics {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StringIntrinsics() {}

  static JsonNode format(Invocation call) {
    List<String> pieces = templatePieces(call);
    int placeholders = pieces.size() - 1;
    if (placeholders != call.count() - 1) {
      throw call.failure("the template has " + placeholders + " '{}' placeholders but "
          + (call.count() - 1) + " values were given");
    }
    StringBuilder result = new StringBuilder(pieces.get(0));
    for (int i = 1; i < pieces.size(); i++) {
      appendValue(result, call.value(i));
      result.append(pieces.get(i));
    }
    return NODES.textNode(result.toString());
  }

  private static List<String> templatePieces(Invocation call) {
    Argument template = call.call().arguments().get(0);
    if (template instanceof Argument.Text literal) {
      return literal.formatPieces();
    }
    return IntrinsicParser.splitPlaceholders(call.text(0));
  }

  /**
   * Strings without quotes, other scalars as JSON. Arrays and objects (the spec forbids them, AWS
   * accepts them) render like Java collections: {@code [1, 2]} and {@code {a=1, b=x}}.
   */
  private static void appendValue(StringBuilder out, JsonNode value) {
    if (value.isTextual()) {
      out.append(value.textValue());
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        appendValue(out, value.get(i));
      }
      out.append(']');
    } else if (value.isObject()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> member : value.properties()) {
        out.append(first ? "" : ", ").append(member.getKey()).append('=');
        appendValue(out, member.getValue());
        first = false;
      }
      out.append('}');
    } else {
      out.append(value.toString());
    }
  }

  /**
   * Splits at every occurrence of any character of the delimiter argument and drops empty parts
   * (behaviour recorded from AWS: {@code StringSplit('a.b+c', '.+')} gives {@code ["a","b","c"]}).
   */
  static JsonNode split(Invocation call) {
    String text = call.text(0);
    String delimiters = call.text(1);
    ArrayNode parts = NODES.arrayNode();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || (!delimiters.isEmpty() && delimiters.indexOf(text.charAt(i)) >= 0)) {
        if (i > start) {
          parts.add(text.substring(start, i));
        }
        start = i + 1;
      }
    }
    return parts;
  }

  static JsonNode uuid(Invocation call) {
    return NODES.textNode(call.ctx().random().nextUuid());
  }
}
