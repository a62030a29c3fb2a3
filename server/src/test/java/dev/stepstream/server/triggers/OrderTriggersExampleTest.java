package dev.stepstream.server.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.local.LocalRunner;
import dev.stepstream.engine.local.Mocks;
import dev.stepstream.engine.local.RunResult;
import dev.stepstream.wire.TriggerRecord;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The files of {@code examples/order-triggers} are valid and do what its README says, without Kafka. */
class OrderTriggersExampleTest {
  static final Path EXAMPLE = Path.of("../examples/order-triggers");

  static String read(String file) throws IOException {
    return Files.readString(EXAMPLE.resolve(file));
  }

  static JsonNode json(String text) throws IOException {
    return WireJson.mapper().readTree(text);
  }

  @Test
  void shouldHaveValidStateMachineDefinitions() throws IOException {
    assertThat(Asl.compile(read("process-order.asl.json")).diagnostics()).isEmpty();
    assertThat(Asl.compile(read("cleanup-orders.asl.json")).diagnostics()).isEmpty();
  }

  @Test
  void shouldCarryTheSameFilterAndTransformationAsTheFilesTheCliReads() throws IOException {
    JsonNode trigger = json(read("trigger.json"));

    assertThat(trigger.get("filter")).isEqualTo(json(read("paid-orders.filter.json")));
    assertThat(trigger.get("inputTransform").asText()).isEqualTo(read("paid-orders.transform.jsonata").strip());
  }

  @Test
  void shouldStartThePaidOrderAndSkipTheOpenOne() throws IOException {
    TriggerPipeline pipeline = TriggerPipeline.compile(triggerFromJson(json(read("trigger.json"))));
    List<String> orders = Files.readAllLines(EXAMPLE.resolve("orders.jsonl"));

    TriggerPipeline.Outcome paid = pipeline.apply(wrap(0, orders.get(0)), 0L);
    TriggerPipeline.Outcome open = pipeline.apply(wrap(1, orders.get(1)), 0L);

    assertThat(open).isInstanceOf(TriggerPipeline.Skip.class);
    assertThat(paid).isEqualTo(new TriggerPipeline.Start("paid-orders-0-0", json("""
        {"orderId": "o-1001", "customer": "Ana", "source": "orders/0/0",
         "lines": [{"sku": "mug", "qty": 2, "price": 12.5}, {"sku": "tea", "qty": 1, "price": 8}]}""")));
  }

  @Test
  void shouldRunThePaidOrderToTheStandardLane() throws IOException {
    TriggerPipeline pipeline = TriggerPipeline.compile(triggerFromJson(json(read("trigger.json"))));
    String firstOrder = Files.readAllLines(EXAMPLE.resolve("orders.jsonl")).get(0);
    JsonNode input = ((TriggerPipeline.Start) pipeline.apply(wrap(0, firstOrder), 0L)).input();

    RunResult result = new LocalRunner(EngineOptions.defaults(), Mocks.none())
        .run(read("process-order.asl.json"), WireJson.mapper().writeValueAsString(input));

    assertThat(result.status().name()).isEqualTo("SUCCEEDED");
    assertThat(result.output()).isEqualTo(json("""
        {"orderId": "o-1001", "customer": "Ana", "total": 33, "lane": "standard"}"""));
  }

  @Test
  void shouldComputeTheCleanupCutoffFromTheScheduledTime() throws IOException {
    RunResult result = new LocalRunner(EngineOptions.defaults(), Mocks.none())
        .run(read("cleanup-orders.asl.json"), "{\"before\": \"2026-12-04T02:00:00Z\", \"retentionDays\": 30}");

    assertThat(result.status().name()).isEqualTo("SUCCEEDED");
    assertThat(result.output()).isEqualTo(json("""
        {"scheduledTime": "2026-12-04T02:00:00Z", "purgeBefore": "2026-11-04T02:00:00.000Z"}"""));
  }

  /** The record the REST API stores for this body (TriggerOps.create, without the target check). */
  private static TriggerRecord triggerFromJson(JsonNode body) {
    String name = body.get("name").asText();
    return new TriggerRecord(1, "arn:aws:states:us-east-1:123456789012:trigger:" + name, name,
        body.get("sourceTopic").asText(), body.get("target").asText(), body.get("filter"),
        body.get("inputTransform").asText(), body.get("nameTemplate").asText(), body.get("startingPosition").asText(),
        null, TriggerRecord.ACTIVE, 1L, 1L, body.get("maxConcurrency").asInt());
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode wrap(long offset, String value) {
    return RecordWrapper.of(new ConsumerRecord<>("orders", 0, offset, 1_764_000_000_000L, TimestampType.CREATE_TIME,
        -1, -1, null, value.getBytes(StandardCharsets.UTF_8), new RecordHeaders(), java.util.Optional.empty()));
  }
}
