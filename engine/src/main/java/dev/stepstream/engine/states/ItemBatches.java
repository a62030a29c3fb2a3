package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.runtime.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * ItemBatcher: items grouped into {@code {"Items": [...], "BatchInput": ...}} children, each with at
 * most MaxItemsPerBatch items and at most MaxInputBytesPerBatch bytes of batch JSON (a batch always
 * holds at least one item). Neither limit set means one batch of all items.
 */
final class ItemBatches {
  private ItemBatches() {}

  static JsonNode[] of(JsonNode batcher, JsonNode[] items) {
    int perBatch = batcher.path("MaxItemsPerBatch").asInt(0);
    long maxBytes = batcher.path("MaxInputBytesPerBatch").asLong(0);
    JsonNode batchInput = batcher.get("BatchInput");
    long emptyBytes = Json.write(newBatch(batchInput)).getBytes(StandardCharsets.UTF_8).length;
    List<JsonNode> out = new ArrayList<>();
    ObjectNode batch = null;
    long bytes = 0;
    for (JsonNode item : items) {
      long itemBytes = Json.write(item).getBytes(StandardCharsets.UTF_8).length;
      int size = batch == null ? 0 : batch.get("Items").size();
      boolean full = batch != null && ((perBatch > 0 && size >= perBatch)
          || (maxBytes > 0 && bytes + itemBytes + (size > 0 ? 1 : 0) > maxBytes));
      if (batch == null || full) {
        batch = newBatch(batchInput);
        out.add(batch);
        bytes = emptyBytes;
        size = 0;
      }
      ((ArrayNode) batch.get("Items")).add(item);
      bytes += itemBytes + (size > 0 ? 1 : 0);
    }
    return out.toArray(new JsonNode[0]);
  }

  private static ObjectNode newBatch(JsonNode batchInput) {
    ObjectNode batch = Json.NODES.objectNode();
    if (batchInput != null) {
      batch.set("BatchInput", batchInput);
    }
    batch.putArray("Items");
    return batch;
  }
}
