package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reading a Task's effective parameters, failing with the integration's own error name. */
final class Params {
  private final JsonNode input;
  private final String invalidParameter;

  /** @param invalidParameter the error name of a missing or malformed parameter */
  Params(JsonNode input, String invalidParameter) {
    this.input = input;
    this.invalidParameter = invalidParameter;
  }

  JsonNode node(String name) {
    JsonNode value = input.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /** A required string parameter. */
  String text(String name) {
    JsonNode value = node(name);
    if (value == null) {
      throw new IntegrationFailure(invalidParameter, "The parameter '" + name + "' is required.");
    }
    if (!value.isTextual() || value.textValue().isEmpty()) {
      throw new IntegrationFailure(invalidParameter, "The parameter '" + name + "' must be a non-empty string.");
    }
    return value.textValue();
  }

  /** An optional string parameter, or null. */
  String optionalText(String name) {
    return node(name) == null ? null : text(name);
  }

  /** A message body: a string as it is, any other JSON value as its JSON text (null when absent). */
  String body(String name) {
    JsonNode value = node(name);
    return value == null ? null : textOf(value);
  }

  static String textOf(JsonNode value) {
    return value.isTextual() ? value.textValue() : value.toString();
  }

  static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  /** Message attributes {@code {name: {DataType, StringValue|BinaryValue}}} as headers. */
  List<Outgoing.Header> attributeHeaders(String name) {
    List<Outgoing.Header> headers = new ArrayList<>();
    JsonNode attributes = node(name);
    if (attributes == null) {
      return headers;
    }
    if (!attributes.isObject()) {
      throw new IntegrationFailure(invalidParameter, "The parameter '" + name + "' must be an object.");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> attribute = fields.next();
      JsonNode value = attribute.getValue();
      JsonNode text = value.has("StringValue") ? value.get("StringValue") : value.get("BinaryValue");
      if (!value.path("DataType").isTextual() || text == null || !text.isTextual()) {
        throw new IntegrationFailure(invalidParameter, "The message attribute '" + attribute.getKey()
            + "' must have a DataType and a StringValue or BinaryValue.");
      }
      headers.add(new Outgoing.Header(attribute.getKey(), text.textValue()));
    }
    return headers;
  }
}
