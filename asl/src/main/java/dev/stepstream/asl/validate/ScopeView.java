package dev.stepstream.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One raw scope of the definition: the top level, a Parallel branch or a Map ItemProcessor.
 *
 * @param pointer JSON pointer of the object holding StartAt and States ("" for the top level)
 * @param owner the name of the Parallel/Map state owning this scope, or null for the top level
 */
public record ScopeView(String pointer, JsonNode node, String owner, Kind kind) {

  /** Where a scope sits: it decides which fields the scope object accepts. */
  public enum Kind {
    TOP_LEVEL,
    BRANCH,
    ITEM_PROCESSOR
  }

  public String statesPointer() {
    return pointer + "/States";
  }

  /** The state objects of this scope by name, in definition order (non-objects are skipped). */
  public Map<String, JsonNode> states() {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    JsonNode states = node.path("States");
    if (states.isObject()) {
      states.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue()));
    }
    return result;
  }

  /** StartAt when it is a string, else null. */
  public String startAt() {
    JsonNode startAt = node.path("StartAt");
    return startAt.isTextual() ? startAt.textValue() : null;
  }
}
