package dev.stepstream.server.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.TriggerRecord;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class TriggerPipelineTest {
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Orders";

  private static TriggerRecord trigger(String filter, String transform, String names) {
    return new TriggerRecord(1, "arn:aws:states:us-east-1:123456789012:trigger:t", "t", "orders", MACHINE,
        filter == null ? null : json(filter), transform, names, TriggerRecord.LATEST, null, TriggerRecord.ACTIVE, 1L, 1L);
  }

  private static JsonNode json(String text) {
    try {
      return WireJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ObjectNode wrap(String key, byte[] value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("source", "shop".getBytes(StandardCharsets.UTF_8));
    return RecordWrapper.of(new ConsumerRecord<>("orders", 3, 41L, 1_700_000_000_000L, TimestampType.CREATE_TIME,
        -1, -1, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, headers, java.util.Optional.empty()));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldStartWithTheValueAndADefaultNameFromTopicPartitionAndOffset() {
    TriggerPipeline.Outcome outcome = TriggerPipeline.compile(trigger(null, null, null))
        .apply(wrap("k", utf8("{\"id\":7}")), 0L);

    assertThat(outcome).isEqualTo(new TriggerPipeline.Start("orders-3-41", json("{\"id\":7}")));
  }

  @Test
  void shouldSkipARecordTheFilterDoesNotMatchAndStartOneItMatches() {
    TriggerPipeline pipeline = TriggerPipeline.compile(trigger(
        "{\"value\": {\"status\": [\"paid\"]}, \"headers\": {\"source\": [\"shop\"]}}", null, null));

    assertThat(pipeline.apply(wrap("k", utf8("{\"status\":\"open\"}")), 0L)).isInstanceOf(TriggerPipeline.Skip.class);
    assertThat(pipeline.apply(wrap("k", utf8("{\"status\":\"paid\"}")), 0L)).isInstanceOf(TriggerPipeline.Start.class);
  }

  @Test
  void shouldTransformTheWrapperWithJsonata() {
    TriggerPipeline pipeline = TriggerPipeline.compile(trigger(null,
        "{\"orderId\": $record.value.id, \"key\": $record.key, \"at\": $states.input.offset}", "order-{partition}-{offset}"));

    TriggerPipeline.Outcome outcome = pipeline.apply(wrap("eu-1", utf8("{\"id\":7}")), 0L);

    assertThat(outcome).isEqualTo(new TriggerPipeline.Start("order-3-41",
        json("{\"orderId\":7,\"key\":\"eu-1\",\"at\":41}")));
  }

  @Test
  void shouldRejectARecordWhoseTransformationFails() {
    TriggerPipeline pipeline = TriggerPipeline.compile(trigger(null, "$record.value.missing", null));

    assertThat(pipeline.apply(wrap("k", utf8("{\"id\":7}")), 0L)).isEqualTo(new TriggerPipeline.Reject(
        "the input transformation failed: The JSONata expression '$record.value.missing' specified for the field "
            + "'InputTransform' returned nothing (undefined)."));
  }

  @Test
  void shouldRejectAValueOverTheExecutionInputLimit() {
    assertThat(TriggerPipeline.oversized(262_144)).isEmpty();
    assertThat(TriggerPipeline.oversized(262_145)).contains(new TriggerPipeline.Reject(
        "the record value is 262145 bytes, more than the 262144 bytes an execution input may have"));
  }

  @Test
  void shouldRejectATransformedInputOverTheExecutionInputLimit() {
    TriggerPipeline pipeline = TriggerPipeline.compile(trigger(null, "[$record.value, $record.value]", null));
    String value = "\"" + "x".repeat(150_000) + "\"";

    assertThat(pipeline.apply(wrap("k", utf8(value)), 0L)).isEqualTo(new TriggerPipeline.Reject(
        "the transformed input is 300007 bytes, more than the 262144 bytes an execution input may have"));
  }

  @Test
  void shouldWrapANonJsonValueAsBase64() {
    ObjectNode wrapper = wrap(null, new byte[] {(byte) 0xff, 0x00, 0x41});

    assertThat(wrapper.path("valueEncoding").asText()).isEqualTo("base64");
    assertThat(wrapper.path("value").asText()).isEqualTo("/wBB");
    assertThat(wrapper.get("key").isNull()).isTrue();
    assertThat(wrap("k", utf8("hello world")).path("valueEncoding").asText()).isEqualTo("base64");
    assertThat(wrap("k", utf8("{\"a\":1} trailing")).path("valueEncoding").asText()).isEqualTo("base64");
    assertThat(wrap("k", utf8("42")).path("value").asInt()).isEqualTo(42);
    assertThat(wrap("k", null).get("value").isNull()).isTrue();
  }

  @Test
  void shouldReplaceCharactersAwsRefusesInNamesAndShortenLongOnes() {
    NameTemplate template = NameTemplate.parse("{trigger}:{topic}/{partition}-{offset}");

    assertThat(template.name("t", "a b", 1, 2)).isEqualTo("t-a-b-1-2");
    String long1 = template.name("t", "x".repeat(100), 1, 2);
    String long2 = template.name("t", "x".repeat(100), 1, 3);
    assertThat(long1).hasSize(80).isNotEqualTo(long2);
  }

  @Test
  void shouldRefuseAnInvalidDefinitionNamingThePart() {
    assertThatThrownBy(() -> TriggerPipeline.compile(trigger("{\"a\": 1}", null, null)))
        .hasMessage("Invalid event pattern: the value of 'a' must be an object or an array of matchers, not number");
    assertThatThrownBy(() -> TriggerPipeline.compile(trigger(null, "$record.(", null)))
        .hasMessageStartingWith("Invalid input transformation: ");
    assertThatThrownBy(() -> TriggerPipeline.compile(trigger(null, null, "{topic}-{offset}")))
        .hasMessage("Invalid name template: it must contain {partition} and {offset}, so that each record gets its own name");
    assertThatThrownBy(() -> TriggerPipeline.compile(trigger(null, null, "{key}-{partition}-{offset}")))
        .hasMessage("Invalid name template: unknown placeholder {key}; use {topic}, {partition}, {offset} or {trigger}");
  }
}
