package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The URL encoding of the HTTP Task's query parameters and {@code URL_ENCODED} bodies, with AWS's
 * array formats: {@code INDICES} ({@code a[0]=x&a[1]=y}, the default), {@code REPEAT} ({@code a=x&a=y}),
 * {@code COMMAS} ({@code a=x,y}) and {@code BRACKETS} ({@code a[]=x&a[]=y}). Nested objects become
 * {@code a[b]=x}.
 */
final class UrlEncoding {
  static final Set<String> FORMATS = Set.of("INDICES", "REPEAT", "COMMAS", "BRACKETS");

  private UrlEncoding() {}

  static String encode(JsonNode object, String arrayFormat) {
    List<String> pairs = new ArrayList<>();
    object.fields().forEachRemaining(f -> add(pairs, f.getKey(), f.getValue(), arrayFormat));
    return String.join("&", pairs);
  }

  private static void add(List<String> pairs, String key, JsonNode value, String arrayFormat) {
    if (value.isObject()) {
      value.fields().forEachRemaining(f -> add(pairs, key + "[" + f.getKey() + "]", f.getValue(), arrayFormat));
    } else if (value.isArray()) {
      addArray(pairs, key, value, arrayFormat);
    } else {
      pairs.add(HttpRequests.encode(key) + "=" + HttpRequests.encode(scalar(value)));
    }
  }

  private static void addArray(List<String> pairs, String key, JsonNode array, String arrayFormat) {
    if (arrayFormat.equals("COMMAS")) {
      List<String> items = new ArrayList<>();
      array.forEach(item -> items.add(HttpRequests.encode(scalar(item))));
      pairs.add(HttpRequests.encode(key) + "=" + String.join(",", items));
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      String itemKey = switch (arrayFormat) {
        case "REPEAT" -> key;
        case "BRACKETS" -> key + "[]";
        default -> key + "[" + i + "]";
      };
      add(pairs, itemKey, array.get(i), arrayFormat);
    }
  }

  private static String scalar(JsonNode value) {
    return value.isNull() ? "" : Params.textOf(value);
  }
}
