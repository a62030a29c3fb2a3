package dev.stepstream.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique. */
final class ArrayIntrinsics {
  /** AWS: "The newly generated array can't contain more than 1000 items." */
  static final int MAX_RANGE_ITEMS = 1000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ArrayIntrinsics() {}

  static JsonNode array(Invocation call) {
    ArrayNode result = NODES.arrayNode(call.count());
    for (JsonNode value : call.values()) {
      result.add(value);
    }
    return result;
  }

  static JsonNode partition(Invocation call) {
    JsonNode array = call.array(0);
    long chunkSize = call.integer(1);
    if (chunkSize <= 0) {
      throw call.failure("the chunk size must be a positive integer, but got " + call.value(1));
    }
    ArrayNode chunks = NODES.arrayNode();
    ArrayNode chunk = null;
    for (JsonNode element : array) {
      if (chunk == null || chunk.size() == chunkSize) {
        chunk = chunks.addArray();
      }
      chunk.add(element);
    }
    return chunks;
  }

  static JsonNode contains(Invocation call) {
    JsonNode array = call.array(0);
    JsonNode wanted = call.value(1);
    for (JsonNode element : array) {
      if (JsonValues.same(element, wanted)) {
        return NODES.booleanNode(true);
      }
    }
    return NODES.booleanNode(false);
  }

  static JsonNode range(Invocation call) {
    long first = call.integer(0);
    long last = call.integer(1);
    long step = call.integer(2);
    if (step == 0) {
      throw call.failure("the step (argument 3) must not be 0");
    }
    long distance = last - first;
    boolean reachable = distance == 0 || Long.signum(distance) == Long.signum(step);
    long count = reachable ? distance / step + 1 : 0;
    if (count > MAX_RANGE_ITEMS) {
      throw call.failure("the range has " + count + " items; at most " + MAX_RANGE_ITEMS + " are allowed");
    }
    ArrayNode result = NODES.arrayNode((int) count);
    for (long i = 0; i < count; i++) {
      result.add(JsonValues.number(first + i * step));
    }
    return result;
  }

  static JsonNode getItem(Invocation call) {
    JsonNode array = call.array(0);
    long index = call.integer(1);
    if (index < 0 || index >= array.size()) {
      throw call.failure("index " + index + " is out of bounds for an array of length " + array.size());
    }
    return array.get((int) index);
  }

  static JsonNode length(Invocation call) {
    return NODES.numberNode(call.array(0).size());
  }

  static JsonNode unique(Invocation call) {
    JsonNode array = call.array(0);
    List<JsonNode> seen = new ArrayList<>();
    ArrayNode result = NODES.arrayNode();
    for (JsonNode element : array) {
      if (seen.stream().noneMatch(kept -> JsonValues.same(kept, element))) {
        seen.add(element);
        result.add(element);
      }
    }
    return result;
  }
}
