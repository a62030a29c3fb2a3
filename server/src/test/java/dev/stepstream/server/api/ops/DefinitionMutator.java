package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a valid definition into a broken or odd one: fields deleted, duplicated or given another
 * JSON type, random strings, deep nesting, huge numbers, unusual unicode, and cut or garbled text.
 * Seeded, so a failing definition can be made again.
 */
final class DefinitionMutator {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String[] ODD_TEXT = {"", " ", "$", "$.", "$$", "States.ALL", "{}", "null", "\u0000", "\ud83d\ude00",
      "\u202e", "\u00e9\u0301", "\ud800", "States.Format('{}', $.x", "arn:aws:states:::", "$.a[?(@.b > 1)]", "{% $x %}",
      "\\", "\"", "a".repeat(300)};

  private final Random random;

  DefinitionMutator(long seed) {
    this.random = new Random(seed);
  }

  /** One to three mutations of {@code seed}, as the text a client would send. */
  String mutate(JsonNode seed) {
    JsonNode tree = seed.deepCopy();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      tree = mutateTree(tree);
    }
    String text = tree.toString();
    return switch (random.nextInt(12)) {
      case 0 -> text.substring(0, random.nextInt(text.length() + 1));
      case 1 -> duplicateAKey(text);
      case 2 -> garble(text);
      case 3 -> deepNest(text, 1 + random.nextInt(5_000));
      default -> text;
    };
  }

  private JsonNode mutateTree(JsonNode tree) {
    List<JsonNode> containers = new ArrayList<>();
    collect(tree, containers);
    if (containers.isEmpty()) {
      return JSON.arrayNode().add(tree);
    }
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(5)) {
        case 0 -> object.remove(name);
        case 1 -> object.set(name, oddValue());
        case 2 -> object.set(oddText(), object.get(name));
        case 3 -> object.set(name, nest(object.get(name), 1 + random.nextInt(20)));
        default -> object.set(name, JSON.textNode(oddText()));
      }
    } else if (target instanceof ArrayNode array) {
      if (array.isEmpty() || random.nextBoolean()) {
        array.add(oddValue());
      } else {
        array.remove(random.nextInt(array.size()));
      }
    }
    return random.nextInt(50) == 0 ? oddValue() : tree;
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.elements().forEachRemaining(child -> collect(child, containers));
    }
  }

  private JsonNode oddValue() {
    return switch (random.nextInt(10)) {
      case 0 -> JSON.nullNode();
      case 1 -> JSON.booleanNode(random.nextBoolean());
      case 2 -> JSON.numberNode(new BigInteger("9".repeat(1 + random.nextInt(400))));
      case 3 -> JSON.numberNode(new BigDecimal("1e" + (random.nextBoolean() ? "" : "-") + random.nextInt(100_000)));
      case 4 -> JSON.numberNode(random.nextInt() * (random.nextBoolean() ? 1.5 : -1));
      case 5 -> JSON.arrayNode().add(oddText()).add(random.nextLong());
      case 6 -> JSON.objectNode().put(oddText(), oddText());
      case 7 -> JSON.numberNode(random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
      default -> JSON.textNode(oddText());
    };
  }

  private String oddText() {
    if (random.nextBoolean()) {
      return ODD_TEXT[random.nextInt(ODD_TEXT.length)];
    }
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x1_0000) : 0x20 + random.nextInt(0x5f));
    }
    return text.toString();
  }

  private JsonNode nest(JsonNode value, int depth) {
    JsonNode nested = value == null ? JSON.nullNode() : value;
    for (int i = 0; i < depth; i++) {
      nested = random.nextBoolean() ? JSON.arrayNode().add(nested) : JSON.objectNode().set("n", nested);
    }
    return nested;
  }

  /** Nesting deeper than a tree can be written: made as text, the way a hostile client would send it. */
  private String deepNest(String text, int depth) {
    String nested = "[".repeat(depth) + "]".repeat(depth);
    return text.startsWith("{\"") ? "{\"Deep\":" + nested + "," + text.substring(1) : nested;
  }

  private String duplicateAKey(String text) {
    int brace = text.indexOf('{', random.nextInt(Math.max(1, text.length())));
    if (brace < 0) {
      return text;
    }
    String[] keys = {"\"Type\":\"Pass\",", "\"StartAt\":\"X\",", "\"End\":true,", "\"Next\":\"Nowhere\","};
    return text.substring(0, brace + 1) + keys[random.nextInt(keys.length)] + text.substring(brace + 1);
  }

  private String garble(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = 0; i < 1 + random.nextInt(5); i++) {
      chars[random.nextInt(chars.length)] = (char) random.nextInt(0x1_0000);
    }
    return new String(chars);
  }
}
