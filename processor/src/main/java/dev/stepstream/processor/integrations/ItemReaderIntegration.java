package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * A Distributed Map's ItemReader ({@code tasks.__states.itemReader}): {@code s3:getObject} reads a
 * JSON, JSON Lines or CSV file of the object store, {@code s3:listObjectsV2} lists a bucket,
 * {@code kafka:getRecords} reads a topic range. A request with a {@code Page} (cursor, MaxItems,
 * MaxBytes, items read so far) gets one page and the next cursor ({@link FilePages}, {@link ItemPage});
 * one without (a Map Run started before paging) gets every item in one task result, which must fit
 * in one record ({@link MapRunSettings#maxItemBytes}).
 */
final class ItemReaderIntegration implements Integration {
  private final ObjectStore store;
  private final TopicRange topics;
  private final int maxItemBytes;

  ItemReaderIntegration(ObjectStore store, TopicRange topics, int maxItemBytes) {
    this.store = store;
    this.topics = topics;
    this.maxItemBytes = maxItemBytes;
  }

  @Override
  public Plan plan(Call call) {
    try {
      JsonNode input = call.request().input();
      if (input.has("Page")) {
        JsonNode output = readPage(input.path("ItemReader"), input.path("Page"));
        return new Plan(List.of(), written -> new Outcome.Succeeded(output));
      }
      ArrayNode items = read(input.path("ItemReader"));
      int bytes = items.toString().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > maxItemBytes) {
        return Plan.failed(new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "The " + items.size()
            + " items read take " + bytes + " bytes, more than the " + maxItemBytes
            + " this engine carries in one Map Run; set ReaderConfig.MaxItems or split the input."));
      }
      JsonNode output = JsonNodeFactory.instance.objectNode().set("Items", items);
      return new Plan(List.of(), written -> new Outcome.Succeeded(output));
    } catch (IntegrationFailure e) {
      return Plan.failed(e);
    } catch (IllegalArgumentException e) {
      return Plan.failed(new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, e.getMessage()));
    }
  }

  /**
   * One page after the request's {@code Page.Cursor}: {@code {"Items": [...], "NextCursor": ...}}, the
   * cursor JSON null after the last page.
   */
  JsonNode readPage(JsonNode reader, JsonNode request) {
    String resource = reader.path("Resource").asText("");
    JsonNode parameters = reader.has("Arguments") ? reader.path("Arguments") : reader.path("Parameters");
    JsonNode config = reader.path("ReaderConfig");
    JsonNode cursor = request.path("Cursor");
    ItemPage page = ItemPage.of(request, config);
    String bucket = parameters.path("Bucket").asText("");
    try {
      switch (resource) {
        case "arn:aws:states:::s3:getObject" -> {
          return FilePages.read(store.file(bucket, parameters.path("Key").asText("")), config, cursor, page);
        }
        case "arn:aws:states:::s3:listObjectsV2" -> {
          List<String> keys = store.keys(bucket, parameters.path("Prefix").asText(null));
          int at = cursor.path("Index").asInt(0);
          while (at < keys.size() && page.offer(store.describe(bucket, keys.get(at)))) {
            at++;
          }
          return page.answer(at >= keys.size() ? null : JsonNodeFactory.instance.objectNode().put("Index", at));
        }
        case "arn:aws:states:::kafka:getRecords" -> {
          if (topics == null) {
            throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "kafka:getRecords needs a broker.");
          }
          return topics.readPage(parameters, cursor, page);
        }
        default -> throw unsupported(resource);
      }
    } catch (NoSuchFileException e) {
      throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "The specified key does not exist: "
          + bucket + "/" + parameters.path("Key").asText(""));
    } catch (IOException e) {
      throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, String.valueOf(e.getMessage()));
    }
  }

  private static IntegrationFailure unsupported(String resource) {
    String api = resource.substring(resource.lastIndexOf(':') + 1);
    return new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "The ItemReader resource '" + resource + "' (" + api
        + ") is not supported; use arn:aws:states:::s3:getObject, s3:listObjectsV2 or kafka:getRecords.");
  }

  ArrayNode read(JsonNode reader) {
    String resource = reader.path("Resource").asText("");
    JsonNode parameters = reader.has("Arguments") ? reader.path("Arguments") : reader.path("Parameters");
    JsonNode config = reader.path("ReaderConfig");
    long max = ItemFiles.maxItems(config);
    String service = resource.startsWith("arn:aws:states:::") ? resource.substring("arn:aws:states:::".length()) : "";
    try {
      if (service.equals("s3:getObject")) {
        String bucket = parameters.path("Bucket").asText("");
        String key = parameters.path("Key").asText("");
        return ItemFiles.parse(new String(store.read(bucket, key), StandardCharsets.UTF_8), config);
      }
      if (service.equals("s3:listObjectsV2")) {
        ArrayNode all = store.list(parameters.path("Bucket").asText(""), parameters.path("Prefix").asText(null));
        while (all.size() > max) {
          all.remove(all.size() - 1);
        }
        return all;
      }
      if (service.equals("kafka:getRecords")) {
        if (topics == null) {
          throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "kafka:getRecords needs a broker.");
        }
        return topics.read(parameters, max);
      }
    } catch (NoSuchFileException e) {
      throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "The specified key does not exist: "
          + parameters.path("Bucket").asText("") + "/" + parameters.path("Key").asText(""));
    } catch (IOException e) {
      throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, String.valueOf(e.getMessage()));
    }
    throw unsupported(resource);
  }
}
