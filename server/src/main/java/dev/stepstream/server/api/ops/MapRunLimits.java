package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.WireJson;

/**
 * A Map Run's MaxConcurrency, ToleratedFailureCount and ToleratedFailurePercentage as written in the
 * definition's Map state. A limit given by a path or expression is not recorded anywhere the API can
 * read, so it is reported as 0, as is an absent one.
 */
record MapRunLimits(int maxConcurrency, long toleratedFailureCount, double toleratedFailurePercentage) {
  static final MapRunLimits NONE = new MapRunLimits(0, 0, 0.0);

  /** The limits of the Map state {@code stateName} anywhere in {@code definitionJson}; NONE when not found. */
  static MapRunLimits of(String definitionJson, String stateName) {
    if (definitionJson == null || stateName == null) {
      return NONE;
    }
    try {
      JsonNode map = find(WireJson.mapper().readTree(definitionJson), stateName);
      if (map == null) {
        return NONE;
      }
      return new MapRunLimits(map.path("MaxConcurrency").isIntegralNumber() ? map.get("MaxConcurrency").intValue() : 0,
          map.path("ToleratedFailureCount").isIntegralNumber() ? map.get("ToleratedFailureCount").longValue() : 0,
          map.path("ToleratedFailurePercentage").isNumber() ? map.get("ToleratedFailurePercentage").doubleValue() : 0.0);
    } catch (java.io.IOException e) {
      return NONE;
    }
  }

  /** Depth-first through every {@code States} object (branches, item processors) for a Map state of that name. */
  private static JsonNode find(JsonNode node, String stateName) {
    if (node == null || !node.isContainerNode()) {
      return null;
    }
    JsonNode states = node.path("States");
    if (states.isObject() && states.path(stateName).path("Type").asText("").equals("Map")) {
      return states.get(stateName);
    }
    for (JsonNode child : node) {
      JsonNode found = find(child, stateName);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
