package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code arn:aws:states:::kafka:publish}: writes one record (Topic, Key, Value, Headers) and returns
 * {@code {Topic, Partition, Offset, Timestamp}}. With {@code .waitForTaskToken} the value is the
 * envelope {@code {TaskToken, ExecutionArn, Value}} and the token also travels in a header.
 */
final class KafkaPublish implements Integration {
  static final String INVALID = "Kafka.InvalidRequestException";
  /** Kafka's default limit on a produced request (max.request.size). */
  static final int MAX_RECORD_BYTES = 1024 * 1024;

  private final TopicRouter router;

  KafkaPublish(TopicRouter router) {
    this.router = router;
  }

  @Override
  public Plan plan(Call call) {
    try {
      Params p = new Params(call.request().input(), INVALID);
      String topic = router.kafka(p.text("Topic"));
      JsonNode key = p.node("Key");
      List<Outgoing.Header> headers = headers(p.node("Headers"));
      byte[] value = call.waitForTaskToken() ? Params.utf8(Params.textOf(envelope(call, p.node("Value"))))
          : Params.utf8(p.body("Value"));
      Messages.addTokenHeaders(headers, call);
      if (value != null && value.length > MAX_RECORD_BYTES) {
        throw new IntegrationFailure("Kafka.RecordTooLargeException", "The record is " + value.length
            + " bytes, larger than the maximum of " + MAX_RECORD_BYTES + " bytes.");
      }
      if (!call.topics().ensure(topic)) {
        throw new IntegrationFailure("Kafka.UnknownTopicOrPartitionException",
            "The topic '" + topic + "' does not exist and topics are not created on first use.");
      }
      Outgoing record = new Outgoing(topic, key == null ? null : Params.textOf(key), value, headers);
      return new Plan(List.of(record), written -> new Outcome.Succeeded(result(written.get(0))));
    } catch (IntegrationFailure e) {
      return Plan.failed(e);
    }
  }

  static JsonNode result(Written w) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("Topic", w.topic());
    result.put("Partition", w.partition());
    result.put("Offset", w.offset());
    result.put("Timestamp", w.timestamp());
    return result;
  }

  private static JsonNode envelope(Call call, JsonNode value) {
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.put("TaskToken", call.request().taskToken());
    envelope.put("ExecutionArn", call.request().executionArn());
    envelope.set("Value", value == null ? JsonNodeFactory.instance.nullNode() : value);
    return envelope;
  }

  private static List<Outgoing.Header> headers(JsonNode node) {
    List<Outgoing.Header> headers = new ArrayList<>();
    if (node == null) {
      return headers;
    }
    if (!node.isObject()) {
      throw new IntegrationFailure(INVALID, "The parameter 'Headers' must be an object of header names to values.");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> header = fields.next();
      if (!header.getValue().isNull()) {
        headers.add(new Outgoing.Header(header.getKey(), Params.textOf(header.getValue())));
      }
    }
    return headers;
  }
}
