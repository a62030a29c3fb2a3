package dev.stepstream.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Fields the streaming writers write only when they have a value, as the record serialiser does for
 * {@link WireRecord}s ({@code JsonInclude.Include.NON_NULL}).
 */
final class OptionalFields {
  private OptionalFields() {}

  static void text(JsonGenerator g, SerializableString name, String value) throws IOException {
    if (value != null) {
      g.writeFieldName(name);
      g.writeString(value);
    }
  }

  static void number(JsonGenerator g, SerializableString name, Long value) throws IOException {
    if (value != null) {
      g.writeFieldName(name);
      g.writeNumber(value.longValue());
    }
  }

  static void tree(JsonGenerator g, SerializableString name, JsonNode value) throws IOException {
    if (value != null) {
      g.writeFieldName(name);
      JsonTreeWriter.write(g, value);
    }
  }
}
