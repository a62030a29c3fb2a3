package dev.stepstream.server.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An EventBridge event pattern, compiled once and matched against many events. A pattern is an
 * object whose fields are either nested patterns (objects) or arrays of {@link ValueMatcher}s, any
 * of which may match (OR); all fields must match (AND), and {@code "$or": [pattern, ...]} at any
 * level needs one of its patterns to match too. Where the event holds an array, the field matches
 * when one of its elements does. An empty pattern matches everything. Immutable and thread-safe.
 */
public final class EventPattern {
  private final Node root;

  private EventPattern(Node root) {
    this.root = root;
  }

  /**
   * @throws InvalidPatternException naming the field (a dotted path) and what is wrong with it
   */
  public static EventPattern compile(JsonNode pattern) {
    if (pattern == null || !pattern.isObject()) {
      throw new InvalidPatternException("the event pattern must be a JSON object");
    }
    return new EventPattern(objectNode(pattern, ""));
  }

  public boolean matches(JsonNode event) {
    return root.matches(event);
  }

  private interface Node {
    boolean matches(JsonNode value);
  }

  private record ObjectNode(List<Map.Entry<String, Node>> fields, List<Node> anyOf) implements Node {
    @Override
    public boolean matches(JsonNode value) {
      if (value.isArray()) {
        for (JsonNode element : value) {
          if (matches(element)) {
            return true;
          }
        }
        return false;
      }
      for (Map.Entry<String, Node> field : fields) {
        if (!field.getValue().matches(value.isObject() ? value.path(field.getKey()) : value.path(-1))) {
          return false;
        }
      }
      return anyOf.isEmpty() || anyOf.stream().anyMatch(node -> node.matches(value));
    }
  }

  private record LeafNode(List<ValueMatcher> matchers) implements Node {
    @Override
    public boolean matches(JsonNode value) {
      if (value.isMissingNode()) {
        return matchers.stream().anyMatch(ValueMatcher::matchesMissing);
      }
      if (value.isObject()) {
        return false; // matchers apply to leaves only
      }
      if (value.isArray()) {
        if (value.isEmpty()) {
          return false;
        }
        for (JsonNode element : value) {
          if (element.isObject() || element.isArray()) {
            continue;
          }
          for (ValueMatcher matcher : matchers) {
            if (matcher.matches(element)) {
              return true;
            }
          }
        }
        return false;
      }
      return matchers.stream().anyMatch(m -> m.matches(value));
    }
  }

  private static ObjectNode objectNode(JsonNode pattern, String path) {
    List<Map.Entry<String, Node>> fields = new ArrayList<>();
    List<Node> anyOf = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      if (field.getKey().equals("$or")) {
        anyOf.addAll(alternatives(field.getValue(), fieldPath));
      } else {
        fields.add(Map.entry(field.getKey(), fieldNode(field.getValue(), fieldPath)));
      }
    }
    return new ObjectNode(List.copyOf(fields), List.copyOf(anyOf));
  }

  private static List<Node> alternatives(JsonNode value, String path) {
    if (!value.isArray() || value.size() < 2) {
      throw new InvalidPatternException("'" + path + "' must be an array of at least two patterns");
    }
    List<Node> nodes = new ArrayList<>();
    for (JsonNode alternative : value) {
      if (!alternative.isObject()) {
        throw new InvalidPatternException("each pattern in '" + path + "' must be an object");
      }
      nodes.add(objectNode(alternative, path));
    }
    return nodes;
  }

  private static Node fieldNode(JsonNode value, String path) {
    if (value.isObject()) {
      return objectNode(value, path);
    }
    if (!value.isArray()) {
      throw new InvalidPatternException("the value of '" + path + "' must be an object or an array of matchers, not "
          + value.getNodeType().name().toLowerCase());
    }
    if (value.isEmpty()) {
      throw new InvalidPatternException("the matchers of '" + path + "' must not be empty");
    }
    List<ValueMatcher> matchers = new ArrayList<>();
    for (JsonNode matcher : value) {
      matchers.add(ValueMatcher.parse(matcher, path));
    }
    return new LeafNode(List.copyOf(matchers));
  }
}
