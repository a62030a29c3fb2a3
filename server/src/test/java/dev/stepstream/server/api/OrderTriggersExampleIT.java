package dev.stepstream.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * {@code examples/order-triggers} on the shared test broker: its definitions, its trigger.json and
 * schedule.json posted to the REST API as they are (the trigger's source topic made unique), and its
 * orders.jsonl produced: the paid order starts one execution that succeeds, the open one none.
 */
@ExtendWith(KafkaClusterExtension.class)
class OrderTriggersExampleIT {
  private static final Path EXAMPLE = Path.of("../examples/order-triggers");

  @Test
  void shouldStartOneSucceedingExecutionForThePaidOrderOfTheExample(KafkaCluster kafka) throws Exception {
    try (ApiFixture fixture = new ApiFixture(kafka, Duration.ofSeconds(5))) {
      String processOrder = create(fixture, "ProcessOrder", "process-order.asl.json");
      create(fixture, "CleanupOrders", "cleanup-orders.asl.json");
      String topic = "orders-" + UUID.randomUUID().toString().substring(0, 8);
      createTopic(kafka, topic);
      ObjectNode trigger = (ObjectNode) read("trigger.json");
      trigger.put("sourceTopic", topic);

      assertThat(post(fixture, "/api/triggers", trigger).path("state").asText()).isEqualTo("ACTIVE");
      JsonNode schedule = post(fixture, "/api/schedules", read("schedule.json"));
      assertThat(schedule.path("Arn").asText()).endsWith(":schedule/default/nightly-orders-cleanup");
      assertThat(schedule.path("NextFireTime").isNumber()).isTrue();
      produce(kafka, topic, Files.readAllLines(EXAMPLE.resolve("orders.jsonl")));

      List<ExecutionListItem> executions = awaitSucceeded(fixture, processOrder);
      assertThat(executions).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("paid-orders-0-0"));
      String output = fixture.sfn.describeExecution(b -> b.executionArn(executions.get(0).executionArn())).output();
      assertThat(WireJson.mapper().readTree(output)).isEqualTo(WireJson.mapper().readTree(
          "{\"orderId\":\"o-1001\",\"customer\":\"Ana\",\"total\":33,\"lane\":\"standard\"}"));
      Thread.sleep(2_000);
      assertThat(fixture.sfn.listExecutions(b -> b.stateMachineArn(processOrder)).executions()).hasSize(1);
    }
  }

  private static List<ExecutionListItem> awaitSucceeded(ApiFixture fixture, String machine) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    List<ExecutionListItem> executions = List.of();
    while (System.nanoTime() < deadline) {
      executions = fixture.sfn.listExecutions(b -> b.stateMachineArn(machine)).executions();
      if (executions.stream().anyMatch(e -> e.statusAsString().equals("SUCCEEDED"))) {
        return executions;
      }
      Thread.sleep(500);
    }
    return executions;
  }

  private static String create(ApiFixture fixture, String name, String file) throws Exception {
    String definition = readText(file);
    return fixture.sfn.createStateMachine(b -> b.name(name).definition(definition)
        .roleArn("arn:aws:iam::123456789012:role/stepstream")).stateMachineArn();
  }

  private static JsonNode post(ApiFixture fixture, String path, JsonNode body) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(fixture.endpoint() + path)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return WireJson.mapper().readTree(response.body());
  }

  private static void createTopic(KafkaCluster kafka, String topic) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static void produce(KafkaCluster kafka, String topic, List<String> values) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, value)).get();
      }
    }
  }

  private static JsonNode read(String file) throws Exception {
    return WireJson.mapper().readTree(readText(file));
  }

  private static String readText(String file) throws Exception {
    return Files.readString(EXAMPLE.resolve(file));
  }
}
