package dev.stepstream.server.api.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** JSON helpers for the AWS JSON 1.0 protocol: one strict mapper, timestamps as epoch seconds. */
public final class AwsJson {
  public static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private AwsJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** AWS timestamps: epoch seconds with a millisecond fraction, e.g. {@code 1700000000.123}. */
  public static DecimalNode timestamp(long epochMillis) {
    return DecimalNode.valueOf(BigDecimal.valueOf(epochMillis, 3));
  }

  /** Parses user-supplied JSON text (an execution input, a task output); empty when it is not JSON. */
  public static java.util.Optional<JsonNode> parse(String text) {
    try {
      return java.util.Optional.of(MAPPER.readTree(text));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** UTF-8 bytes of the JSON text; responses are written as bytes so no charset default can garble them. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
