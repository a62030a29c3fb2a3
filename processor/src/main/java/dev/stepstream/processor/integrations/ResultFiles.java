package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A Map Run's results in AWS's ResultWriter layout, in the object store:
 * {@code <Prefix>/<map run id>/SUCCEEDED_0.json}, {@code FAILED_0.json} and {@code manifest.json}
 * ({@code {"DestinationBucket", "MapRunArn", "ResultFiles": {"FAILED", "PENDING", "SUCCEEDED"}}}, each a
 * list of {@code {"Key", "Size"}}). Files are replaced whole (write, then rename), so writing the same
 * Map Run again is harmless.
 */
final class ResultFiles {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ResultFiles() {}

  /** Writes the files and returns {@code {"Bucket", "Key"}} of the manifest. */
  static JsonNode write(ObjectStore store, JsonNode parameters, JsonNode writerConfig, String mapRunArn,
      JsonNode results) {
    String bucket = parameters.path("Bucket").asText("");
    String prefix = parameters.path("Prefix").asText("");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix += "/";
    }
    String dir = prefix + mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1) + "/";
    String transformation = writerConfig.path("Transformation").asText("NONE").toUpperCase(Locale.ROOT);
    boolean lines = "JSONL".equalsIgnoreCase(writerConfig.path("OutputType").asText("JSON"));
    ArrayNode succeeded = NODES.arrayNode();
    ArrayNode failed = NODES.arrayNode();
    for (JsonNode entry : results) {
      boolean ok = "SUCCEEDED".equals(entry.path("Status").asText());
      if (ok && "FLATTEN".equals(transformation) && entry.path("Output").isArray()) {
        entry.path("Output").forEach(succeeded::add);
      } else {
        (ok ? succeeded : failed).add(shape(entry, ok ? transformation : "NONE", mapRunArn));
      }
    }
    ObjectNode manifest = NODES.objectNode();
    manifest.put("DestinationBucket", bucket);
    manifest.put("MapRunArn", mapRunArn);
    ObjectNode files = manifest.putObject("ResultFiles");
    files.set("FAILED", file(store, bucket, dir + "FAILED_0.json", failed, lines));
    files.putArray("PENDING");
    files.set("SUCCEEDED", file(store, bucket, dir + "SUCCEEDED_0.json", succeeded, lines));
    String manifestKey = dir + "manifest.json";
    store.write(bucket, manifestKey, manifest.toPrettyString().getBytes(StandardCharsets.UTF_8));
    return NODES.objectNode().put("Bucket", bucket).put("Key", manifestKey);
  }

  /**
   * NONE: the item's record, with the field names of AWS's child execution records where they apply
   * ({@code Name} is the item's index; {@code Output} is JSON text, as AWS writes it); COMPACT: the
   * output alone (a failure: {@code {"Error", "Cause"}}).
   */
  private static JsonNode shape(JsonNode entry, String transformation, String mapRunArn) {
    boolean ok = "SUCCEEDED".equals(entry.path("Status").asText());
    if (!"NONE".equals(transformation)) {
      return ok ? entry.path("Output") : errorOf(entry);
    }
    ObjectNode record = NODES.objectNode();
    record.put("MapRunArn", mapRunArn);
    record.put("Name", entry.path("Index").asText());
    record.put("Status", entry.path("Status").asText());
    if (ok) {
      record.put("Output", entry.path("Output").toString());
      record.putObject("OutputDetails").put("Included", true);
    } else {
      record.setAll(errorOf(entry));
    }
    return record;
  }

  private static ObjectNode errorOf(JsonNode entry) {
    ObjectNode error = NODES.objectNode();
    error.set("Error", entry.path("Error"));
    if (entry.has("Cause")) {
      error.set("Cause", entry.get("Cause"));
    }
    return error;
  }

  private static ArrayNode file(ObjectStore store, String bucket, String key, ArrayNode entries, boolean lines) {
    ArrayNode listed = NODES.arrayNode();
    if (entries.isEmpty()) {
      return listed;
    }
    StringBuilder text = new StringBuilder();
    if (lines) {
      entries.forEach(e -> text.append(e).append('\n'));
    } else {
      text.append(entries);
    }
    long size = store.write(bucket, key, text.toString().getBytes(StandardCharsets.UTF_8));
    listed.addObject().put("Key", key).put("Size", size);
    return listed;
  }
}
