package dev.stepstream.server.triggers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The JSON a trigger's filter and transformation see for one source record:
 * {@code {topic, partition, offset, timestamp, key, headers, value, valueEncoding}}. A value that is
 * JSON is embedded as JSON ({@code valueEncoding} {@code "json"}); any other value (bytes, Avro,
 * plain text) is its base64 text ({@code "base64"}); a tombstone is {@code null}. The key and header
 * values are UTF-8 text when they decode as such, otherwise base64 text.
 */
final class RecordWrapper {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper STRICT =
      WireJson.mapper().copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RecordWrapper() {}

  static ObjectNode of(ConsumerRecord<byte[], byte[]> record) {
    ObjectNode wrapper = JSON.objectNode();
    wrapper.put("topic", record.topic());
    wrapper.put("partition", record.partition());
    wrapper.put("offset", record.offset());
    wrapper.put("timestamp", record.timestamp());
    wrapper.put("key", record.key() == null ? null : text(record.key()));
    ObjectNode headers = wrapper.putObject("headers");
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value() == null ? null : text(header.value()));
    }
    JsonNode json = record.value() == null ? JSON.nullNode() : json(record.value());
    if (json != null) {
      wrapper.set("value", json);
      wrapper.put("valueEncoding", "json");
    } else {
      wrapper.put("value", Base64.getEncoder().encodeToString(record.value()));
      wrapper.put("valueEncoding", "base64");
    }
    return wrapper;
  }

  /** The value as JSON, or null when it is not (exactly one) JSON document. */
  private static JsonNode json(byte[] value) {
    if (utf8(value) == null) {
      return null;
    }
    try {
      JsonNode node = STRICT.readTree(value);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(byte[] bytes) {
    String text = utf8(bytes);
    return text != null ? text : Base64.getEncoder().encodeToString(bytes);
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
