package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The items of a file, per the ItemReader's {@code ReaderConfig}: {@code InputType} JSON (an array),
 * JSONL (one JSON value per line, blank lines skipped) or CSV ({@code CSVHeaderLocation} FIRST_ROW or
 * GIVEN with {@code CSVHeaders}, {@code CSVDelimiter} COMMA, PIPE, SEMICOLON, SPACE or TAB), at most
 * {@code MaxItems} (0 or absent: all; AWS caps it at 100,000,000). Failures are
 * {@code States.ItemReaderFailed} with AWS's causes where they were recorded.
 */
final class ItemFiles {
  static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
  static final long MAX_ITEMS_LIMIT = 100_000_000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ItemFiles() {}

  static ArrayNode parse(String text, JsonNode readerConfig) {
    long max = maxItems(readerConfig);
    String type = readerConfig.path("InputType").asText("JSON").toUpperCase(Locale.ROOT);
    return switch (type) {
      case "JSON" -> json(text, max);
      case "JSONL" -> jsonLines(text, max);
      case "CSV" -> csv(text, readerConfig, max);
      default -> throw new IntegrationFailure(ITEM_READER_FAILED, "The InputType '" + type
          + "' is not supported; use JSON, JSONL or CSV.");
    };
  }

  /** MaxItems: a positive whole number (recorded: "field MaxItems must be positive"), 0 for all. */
  static long maxItems(JsonNode readerConfig) {
    JsonNode max = readerConfig.get("MaxItems");
    if (max == null || max.isNull()) {
      return MAX_ITEMS_LIMIT;
    }
    if (!max.canConvertToLong() || !max.isIntegralNumber()) {
      throw new IntegrationFailure(ITEM_READER_FAILED, "field MaxItems must be a whole number");
    }
    long value = max.asLong();
    if (value < 0) {
      throw new IntegrationFailure(ITEM_READER_FAILED, "field MaxItems must be positive");
    }
    return value == 0 ? MAX_ITEMS_LIMIT : Math.min(value, MAX_ITEMS_LIMIT);
  }

  private static ArrayNode json(String text, long max) {
    JsonNode value;
    try {
      value = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IntegrationFailure(ITEM_READER_FAILED, "The file is not valid JSON: " + e.getOriginalMessage());
    }
    if (value == null || !value.isArray()) {
      throw new IntegrationFailure(ITEM_READER_FAILED, "Attempting to map over non-iterable node."); // recorded
    }
    ArrayNode items = (ArrayNode) value;
    while (items.size() > max) {
      items.remove(items.size() - 1);
    }
    return items;
  }

  private static ArrayNode jsonLines(String text, long max) {
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    int lineNumber = 0;
    for (String line : text.split("\r?\n", -1)) {
      lineNumber++;
      if (items.size() >= max) {
        break;
      }
      if (line.isBlank()) {
        continue;
      }
      try {
        items.add(JSON.readTree(line));
      } catch (JsonProcessingException e) {
        throw new IntegrationFailure(ITEM_READER_FAILED, "Line " + lineNumber + " is not valid JSON: "
            + e.getOriginalMessage());
      }
    }
    return items;
  }

  private static ArrayNode csv(String text, JsonNode config, long max) {
    CsvRows rows = new CsvRows(text, delimiter(config.path("CSVDelimiter").asText("COMMA")));
    List<String> headers = csvHeaders(rows, config);
    if (headers == null) {
      return JsonNodeFactory.instance.arrayNode();
    }
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    for (List<String> row = rows.next(); row != null && items.size() < max; row = rows.next()) {
      items.add(csvItem(headers, row));
    }
    return items;
  }

  /** The headers (GIVEN, or the first row read from {@code rows}); null for an empty FIRST_ROW file. */
  static List<String> csvHeaders(CsvRows rows, JsonNode config) {
    String location = config.path("CSVHeaderLocation").asText("FIRST_ROW");
    List<String> headers;
    if ("GIVEN".equals(location)) {
      JsonNode given = config.path("CSVHeaders");
      if (!given.isArray() || given.isEmpty()) {
        throw new IntegrationFailure(ITEM_READER_FAILED, "CSVHeaders must be a non-empty array when CSVHeaderLocation is GIVEN.");
      }
      headers = new java.util.ArrayList<>();
      given.forEach(h -> headers.add(h.asText()));
    } else if ("FIRST_ROW".equals(location)) {
      headers = rows.next();
      if (headers == null) {
        return null;
      }
    } else {
      throw new IntegrationFailure(ITEM_READER_FAILED, "CSVHeaderLocation must be FIRST_ROW or GIVEN but was '"
          + location + "'.");
    }
    if (new HashSet<>(headers).size() < headers.size()) {
      throw new IntegrationFailure(ITEM_READER_FAILED, "CSV headers cannot contain duplicates."); // recorded
    }
    return headers;
  }

  /** One row as an item: extra fields are dropped and missing ones are empty strings (recorded). */
  static ObjectNode csvItem(List<String> headers, List<String> row) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < headers.size(); i++) {
      item.put(headers.get(i), i < row.size() ? row.get(i) : "");
    }
    return item;
  }

  static char delimiter(String name) {
    return switch (name) {
      case "COMMA" -> ',';
      case "PIPE" -> '|';
      case "SEMICOLON" -> ';';
      case "SPACE" -> ' ';
      case "TAB" -> '\t';
      default -> throw new IntegrationFailure(ITEM_READER_FAILED, "CSVDelimiter '" + name
          + "' is not one of COMMA, PIPE, SEMICOLON, SPACE, TAB.");
    };
  }
}
