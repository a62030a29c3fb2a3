package dev.stepstream.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a JSON tree to an open generator by walking it: the bytes of {@code generator.writeTree},
 * which goes through the mapper for every call (a new serializer provider, and a flush of the
 * generator's buffer after each value). The streaming writers of the hot path use it.
 */
final class JsonTreeWriter {
  private JsonTreeWriter() {}

  static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          g.writeFieldName(field.getKey());
          write(g, field.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode element : node) {
          write(g, element);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(node.textValue());
      case NUMBER -> number(g, node);
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL -> g.writeNull();
      default -> g.writeTree(node); // binary, POJO and missing nodes are rare
    }
  }

  /** A number in its exact type and form; numeric nodes write themselves without the provider. */
  static void number(JsonGenerator g, JsonNode node) throws IOException {
    if (node instanceof NumericNode numeric) {
      numeric.serialize(g, null);
    } else {
      g.writeTree(node);
    }
  }
}
