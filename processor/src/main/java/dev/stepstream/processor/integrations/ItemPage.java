package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;

/**
 * One page of a paged ItemReader call being filled: at most {@code maxItems} items and, after the
 * first, at most {@code maxBytes} bytes of item JSON. A reader offers items in order and stops at
 * the first one refused, whose position becomes the next cursor.
 */
final class ItemPage {
  private final ArrayNode items = JsonNodeFactory.instance.arrayNode();
  private final long maxItems;
  private final long maxBytes;
  /** True when {@link #maxItems} is what ReaderConfig.MaxItems leaves: filling the page ends the reading. */
  private final boolean lastByLimit;
  private long bytes;

  ItemPage(long maxItems, long maxBytes, boolean lastByLimit) {
    this.maxItems = maxItems;
    this.maxBytes = maxBytes;
    this.lastByLimit = lastByLimit;
  }

  /** The page of a request's {@code Page}: its MaxItems and MaxBytes, within what ReaderConfig.MaxItems leaves. */
  static ItemPage of(JsonNode page, JsonNode readerConfig) {
    long left = Math.max(0, ItemFiles.maxItems(readerConfig) - page.path("Read").asLong(0));
    long pageItems = page.path("MaxItems").asLong(1_000);
    return new ItemPage(Math.min(left, pageItems), page.path("MaxBytes").asLong(256 * 1024), left <= pageItems);
  }

  /** True when ReaderConfig.MaxItems is reached: nothing is read after this page. */
  boolean limitReached() {
    return lastByLimit && full();
  }

  /** True when no further item fits by count. */
  boolean full() {
    return items.size() >= maxItems;
  }

  /** Adds {@code item} when it fits (the first item always does unless the count is 0); false when refused. */
  boolean offer(JsonNode item) {
    if (full()) {
      return false;
    }
    long size = item.toString().getBytes(StandardCharsets.UTF_8).length;
    if (!items.isEmpty() && bytes + size > maxBytes) {
      return false;
    }
    items.add(item);
    bytes += size;
    return true;
  }

  ArrayNode items() {
    return items;
  }

  /** The reader's answer: the items, and the next cursor unless this was the last page. */
  JsonNode answer(JsonNode nextCursor) {
    if (limitReached()) {
      nextCursor = null;
    }
    var out = JsonNodeFactory.instance.objectNode();
    out.set("Items", items);
    out.set("NextCursor", nextCursor == null ? JsonNodeFactory.instance.nullNode() : nextCursor);
    return out;
  }
}
