package dev.stepstream.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.model.QueryLanguage;

/**
 * One raw state as seen by the rules: its name, pointer, object and effective query language.
 *
 * @param language the state's own QueryLanguage when valid, else the top level's
 */
public record StateView(String name, String pointer, JsonNode node, QueryLanguage language, ScopeView scope) {

  /** The Type field when it is a string, else null. */
  public String type() {
    JsonNode type = node.path("Type");
    return type.isTextual() ? type.textValue() : null;
  }

  public boolean has(String field) {
    return node.has(field);
  }

  /** The field's value, or a MissingNode. */
  public JsonNode get(String field) {
    return node.path(field);
  }

  public String pointer(String field) {
    return Diagnostics.child(pointer, field);
  }

  public boolean jsonata() {
    return language == QueryLanguage.JSONATA;
  }
}
