package dev.stepstream.asl.intrinsics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** States.StringToJson, States.JsonToString, States.JsonMerge. */
final class JsonIntrinsics {
  // Thread-safe once built; never reconfigured.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonIntrinsics() {}

  static JsonNode stringToJson(Invocation call) {
    String text = call.text(0);
    if (text.isBlank()) {
      // AWS gives null for an empty or blank string (LocalStack's AWS-validated test_string_to_json).
      return JsonNodeFactory.instance.nullNode();
    }
    try {
      JsonNode parsed = MAPPER.readTree(text);
      if (parsed == null || parsed.isMissingNode()) {
        throw call.failure("the string is not JSON text: '" + text + "'");
      }
      return parsed;
    } catch (JsonProcessingException notJson) {
      throw call.failure("the string is not valid JSON: " + notJson.getOriginalMessage());
    }
  }

  static JsonNode jsonToString(Invocation call) {
    try {
      return JsonNodeFactory.instance.textNode(MAPPER.writeValueAsString(call.value(0)));
    } catch (JsonProcessingException unexpected) {
      throw call.failure("the value cannot be written as JSON: " + unexpected.getOriginalMessage());
    }
  }

  /** Shallow merge: keys of the second object replace those of the first; nested objects are not merged. */
  static JsonNode merge(Invocation call) {
    JsonNode first = call.object(0);
    JsonNode second = call.object(1);
    if (call.bool(2)) {
      throw call.failure("deep merging is not supported; the third argument must be false");
    }
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    merged.setAll((ObjectNode) first);
    merged.setAll((ObjectNode) second);
    return merged;
  }
}
