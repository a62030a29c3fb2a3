package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A Map Run's results in AWS's ResultWriter layout, in the object store: one
 * {@code <Prefix>/<map run id>/SUCCEEDED_<n>.json} and {@code FAILED_<n>.json} per page, then
 * {@code manifest.json}
 * ({@code {"DestinationBucket", "MapRunArn", "ResultFiles": {"FAILED", "PENDING", "SUCCEEDED"}}}, each a
 * list of {@code {"Key", "Size"}}). Files are replaced whole (write, then rename), so writing the same
 * Map Run again is harmless.
 */
final class ResultFiles {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ResultFiles() {}

  /** Writes the files of all results at once (a Map Run started before paging) and returns the manifest's {@code {"Bucket", "Key"}}. */
  static JsonNode write(ObjectStore store, JsonNode parameters, JsonNode writerConfig, String mapRunArn,
      JsonNode results) {
    writePart(store, parameters, writerConfig, mapRunArn, 0, results);
    return writeManifest(store, parameters, mapRunArn, 1);
  }

  /**
   * Writes one page's results as part {@code part}: {@code SUCCEEDED_<part>.json} and
   * {@code FAILED_<part>.json}, each only when it has entries. Returns the number of results.
   */
  static int writePart(ObjectStore store, JsonNode parameters, JsonNode writerConfig, String mapRunArn, int part,
      JsonNode results) {
    String bucket = parameters.path("Bucket").asText("");
    String dir = dir(parameters, mapRunArn);
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
    file(store, bucket, dir + "FAILED_" + part + ".json", failed, lines);
    file(store, bucket, dir + "SUCCEEDED_" + part + ".json", succeeded, lines);
    return results.size();
  }

  /**
   * Writes {@code manifest.json} last, listing the part files {@code 0 .. parts-1} that exist
   * ({@code {"DestinationBucket", "MapRunArn", "ResultFiles": {"FAILED", "PENDING", "SUCCEEDED"}}}, each a
   * list of {@code {"Key", "Size"}}), and returns its {@code {"Bucket", "Key"}}.
   */
  static JsonNode writeManifest(ObjectStore store, JsonNode parameters, String mapRunArn, int parts) {
    String bucket = parameters.path("Bucket").asText("");
    String dir = dir(parameters, mapRunArn);
    ObjectNode manifest = NODES.objectNode();
    manifest.put("DestinationBucket", bucket);
    manifest.put("MapRunArn", mapRunArn);
    ObjectNode files = manifest.putObject("ResultFiles");
    files.set("FAILED", listed(store, bucket, dir + "FAILED_", parts));
    files.putArray("PENDING");
    files.set("SUCCEEDED", listed(store, bucket, dir + "SUCCEEDED_", parts));
    String manifestKey = dir + "manifest.json";
    store.write(bucket, manifestKey, manifest.toPrettyString().getBytes(StandardCharsets.UTF_8));
    return NODES.objectNode().put("Bucket", bucket).put("Key", manifestKey);
  }

  private static String dir(JsonNode parameters, String mapRunArn) {
    String prefix = parameters.path("Prefix").asText("");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix += "/";
    }
    return prefix + mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1) + "/";
  }

  private static ArrayNode listed(ObjectStore store, String bucket, String keyPrefix, int parts) {
    ArrayNode listed = NODES.arrayNode();
    for (int part = 0; part < parts; part++) {
      String key = keyPrefix + part + ".json";
      try {
        Path file = store.file(bucket, key);
        if (Files.isRegularFile(file)) {
          listed.addObject().put("Key", key).put("Size", Files.size(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return listed;
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
    if (entry.has("Execution")) {
      return childExecution(entry.get("Execution"));
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

  /**
   * A child execution's record as AWS writes it: its DescribeExecution fields in PascalCase, Input and
   * Output as JSON text, dates as ISO-8601 UTC with milliseconds.
   */
  private static ObjectNode childExecution(JsonNode described) {
    ObjectNode record = NODES.objectNode();
    for (String field : new String[] {"Cause", "Error", "ExecutionArn"}) {
      if (described.has(field)) {
        record.set(field, described.get(field));
      }
    }
    record.put("Input", described.path("Input").toString());
    record.putObject("InputDetails").put("Included", true);
    record.set("Name", described.path("Name"));
    if (described.has("Output")) {
      record.put("Output", described.get("Output").toString());
      record.putObject("OutputDetails").put("Included", true);
    }
    record.set("RedriveCount", described.path("RedriveCount"));
    record.set("RedriveStatus", described.path("RedriveStatus"));
    record.put("StartDate", isoDate(described.path("StartDate")));
    record.set("StateMachineArn", described.path("StateMachineArn"));
    record.set("Status", described.path("Status"));
    record.put("StopDate", isoDate(described.path("StopDate")));
    return record;
  }

  private static String isoDate(JsonNode epochMillis) {
    return java.time.format.DateTimeFormatter.ISO_INSTANT.format(
        java.time.Instant.ofEpochMilli(epochMillis.asLong()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  private static ObjectNode errorOf(JsonNode entry) {
    ObjectNode error = NODES.objectNode();
    error.set("Error", entry.path("Error"));
    if (entry.has("Cause")) {
      error.set("Cause", entry.get("Cause"));
    }
    return error;
  }

  private static void file(ObjectStore store, String bucket, String key, ArrayNode entries, boolean lines) {
    if (entries.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    if (lines) {
      entries.forEach(e -> text.append(e).append('\n'));
    } else {
      text.append(entries);
    }
    store.write(bucket, key, text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
