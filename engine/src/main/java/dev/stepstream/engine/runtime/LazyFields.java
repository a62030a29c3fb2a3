package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The fields of an ObjectNode, built on first use. Most states never read the context object, so
 * building it for every state would be wasted work; the supplier must only capture immutable values.
 * A race between two first readers builds equal maps and keeps one of them.
 */
final class LazyFields extends AbstractMap<String, JsonNode> {
  private final Supplier<LinkedHashMap<String, JsonNode>> builder;
  private volatile LinkedHashMap<String, JsonNode> fields;

  LazyFields(Supplier<LinkedHashMap<String, JsonNode>> builder) {
    this.builder = builder;
  }

  private Map<String, JsonNode> fields() {
    LinkedHashMap<String, JsonNode> f = fields;
    if (f == null) {
      f = builder.get();
      fields = f;
    }
    return f;
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return fields().entrySet();
  }

  @Override
  public JsonNode get(Object key) {
    return fields().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return fields().containsKey(key);
  }

  @Override
  public int size() {
    return fields().size();
  }

  @Override
  public Set<String> keySet() {
    return fields().keySet();
  }

  @Override
  public Collection<JsonNode> values() {
    return fields().values();
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    return fields().put(key, value);
  }

  @Override
  public JsonNode remove(Object key) {
    return fields().remove(key);
  }
}
