package dev.stepstream.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.model.QueryLanguage;
import java.util.Optional;

/** The raw state being parsed: its name, pointer, object and effective query language. */
record ParsedState(String name, String pointer, JsonNode node, QueryLanguage language) {

  JsonNode get(String field) {
    return node.path(field);
  }

  boolean has(String field) {
    return node.has(field);
  }

  String pointer(String field) {
    return Diagnostics.child(pointer, field);
  }

  boolean jsonata() {
    return language == QueryLanguage.JSONATA;
  }

  Optional<String> text(String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }

  Optional<JsonNode> raw(String field) {
    return node.has(field) ? Optional.of(node.get(field)) : Optional.empty();
  }
}
