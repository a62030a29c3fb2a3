package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A page of a file's items from a cursor, so that no call holds more than a page: JSON is streamed
 * and its cursor is the item index ({@code {"Index"}}); JSON Lines are read from a byte offset
 * ({@code {"Offset", "Line"}}); CSV rows from a character position of the file's text
 * ({@code {"Position"}}, the header row read again each page).
 */
final class FilePages {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Bytes read at a time from a JSON Lines file (doubled while one line does not fit). */
  private static final int CHUNK = 64 * 1024;

  private FilePages() {}

  /** Fills {@code page} from the file after {@code cursor} (JSON null: the start) and returns the answer. */
  static JsonNode read(Path file, JsonNode readerConfig, JsonNode cursor, ItemPage page) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    String type = readerConfig.path("InputType").asText("JSON").toUpperCase(Locale.ROOT);
    return switch (type) {
      case "JSON" -> json(file, cursor.path("Index").asLong(0), page);
      case "JSONL" -> jsonLines(file, cursor.path("Offset").asLong(0), cursor.path("Line").asLong(0), page);
      case "CSV" -> csv(Files.readString(file), readerConfig, cursor.path("Position").asInt(-1), page);
      default -> throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "The InputType '" + type
          + "' is not supported; use JSON, JSONL or CSV.");
    };
  }

  private static JsonNode json(Path file, long index, ItemPage page) throws IOException {
    try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "Attempting to map over non-iterable node."); // recorded
      }
      for (long skipped = 0; skipped < index; skipped++) {
        if (parser.nextToken() == JsonToken.END_ARRAY) {
          return page.answer(null);
        }
        parser.skipChildren();
      }
      long at = index;
      while (!page.full()) {
        if (parser.nextToken() == JsonToken.END_ARRAY) {
          return page.answer(null);
        }
        if (!page.offer(parser.readValueAsTree())) {
          break;
        }
        at++;
      }
      if (!page.limitReached() && parser.nextToken() == JsonToken.END_ARRAY) {
        return page.answer(null);
      }
      return page.answer(JsonNodeFactory.instance.objectNode().put("Index", at));
    } catch (JsonProcessingException e) {
      throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "The file is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static JsonNode jsonLines(Path file, long offset, long line, ItemPage page) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long size = in.length();
      int chunk = CHUNK;
      while (offset < size && !page.full()) {
        byte[] bytes = new byte[(int) Math.min(chunk, size - offset)];
        in.seek(offset);
        in.readFully(bytes);
        boolean last = offset + bytes.length >= size;
        int start = 0;
        int consumed = 0;
        for (int i = 0; i <= bytes.length && !page.full(); i++) {
          boolean end = i == bytes.length ? last && i > start : bytes[i] == '\n';
          if (!end) {
            continue;
          }
          String text = new String(bytes, start, i - start, StandardCharsets.UTF_8);
          if (!text.isBlank() && !page.offer(parse(text, line + 1))) {
            return page.answer(cursor(offset + start, line));
          }
          line++;
          start = i + 1;
          consumed = Math.min(start, bytes.length);
        }
        if (consumed == 0 && !last) {
          chunk *= 2; // a line longer than the chunk
          continue;
        }
        offset += consumed;
        if (consumed == 0) {
          break;
        }
      }
      return page.answer(offset >= size ? null : cursor(offset, line));
    }
  }

  private static JsonNode parse(String line, long lineNumber) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "Line " + lineNumber + " is not valid JSON: "
          + e.getOriginalMessage());
    }
  }

  private static ObjectNode cursor(long offset, long line) {
    return JsonNodeFactory.instance.objectNode().put("Offset", offset).put("Line", line);
  }

  private static JsonNode csv(String text, JsonNode config, int position, ItemPage page) {
    char delimiter = ItemFiles.delimiter(config.path("CSVDelimiter").asText("COMMA"));
    CsvRows header = new CsvRows(text, delimiter);
    List<String> headers = ItemFiles.csvHeaders(header, config);
    if (headers == null) {
      return page.answer(null);
    }
    CsvRows rows = new CsvRows(text, delimiter, position < 0 ? header.position() : position);
    while (!rows.atEnd() && !page.full()) {
      int before = rows.position();
      if (!page.offer(ItemFiles.csvItem(headers, rows.next()))) {
        return page.answer(JsonNodeFactory.instance.objectNode().put("Position", before));
      }
    }
    return page.answer(rows.atEnd() ? null : JsonNodeFactory.instance.objectNode().put("Position", rows.position()));
  }
}
