package dev.stepstream.processor.integrations;

import static dev.stepstream.processor.integrations.IntegrationRunnerIT.awaitFinished;
import static dev.stepstream.processor.integrations.IntegrationRunnerIT.consumer;
import static dev.stepstream.processor.integrations.IntegrationRunnerIT.producer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested executions on a real broker: {@code states:startExecution.sync:2} children, started through
 * the commands topic on whichever partition their ARN falls, answer their parent's Task; a failing
 * child fails it with States.TaskFailed; a child of a missing state machine fails it with
 * StepFunctions.StateMachineDoesNotExistException; stopping the parent stops the child. The example
 * {@code examples/nested-orders} (http:invoke, states:startExecution.sync:2, sns:publish) runs unchanged.
 */
@ExtendWith(KafkaClusterExtension.class)
class NestedExecutionsIT {
  static final String ACCOUNT = "123456789012";
  static final Path EXAMPLE = Path.of("../examples/nested-orders");
  static final String PARENT = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:Orders";
  static final String CHILD = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:Pack";
  static final String CHILD_DEFINITION = """
      {"StartAt":"Route","States":{
        "Route":{"Type":"Choice","Choices":[
          {"Variable":"$.item.mode","StringEquals":"fail","Next":"Broken"},
          {"Variable":"$.item.mode","StringEquals":"wait","Next":"Hold"}],"Default":"Done"},
        "Done":{"Type":"Pass","Parameters":{"shipped.$":"$.item.order",
          "by.$":"$.AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID"},"End":true},
        "Broken":{"Type":"Fail","Error":"ShipFailed","Cause":"no truck"},
        "Hold":{"Type":"Wait","Seconds":3600,"End":true}}}""";
  static final String PARENT_DEFINITION = """
      {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.orders","ItemProcessor":{
        "StartAt":"Ship","States":{"Ship":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
          "Parameters":{"StateMachineArn":"%s","Input":{"item.$":"$",
            "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$":"$$.Execution.Id"}},"End":true}}},"End":true}}}"""
      .formatted(CHILD);

  @Test
  void shouldRunSyncChildrenAcrossPartitionsFailWithTheChildAndStopChildrenWithTheParent(KafkaCluster kafka,
      @TempDir Path stateDir) throws Exception {
    TopicCatalogue topics = TopicCatalogue.load("it-nest-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 4, (short) 1)) {
      provisioner.ensureCatalogueTopics();
    }
    ProcessorConfig config = new ProcessorConfig(kafka.bootstrapServers(), "it-" + UUID.randomUUID(), topics, stateDir,
        Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());
    HttpServer inventory = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    inventory.createContext("/stock.json", exchange -> {
      boolean keyed = "local-demo-key".equals(exchange.getRequestHeaders().getFirst("x-api-key"));
      byte[] body = (keyed ? Files.readString(EXAMPLE.resolve("stock.json")) : "{}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(keyed ? 200 : 401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    inventory.start();
    HttpSettings http = new HttpSettings(2, Duration.ofSeconds(10), Map.of("Inventory", new HttpConnection("Inventory",
        HttpConnection.Type.API_KEY, Map.of("apiKeyName", "x-api-key", "apiKeyValue", "local-demo-key"))));
    try (StepstreamProcessor processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(60));
        IntegrationRunner runner = IntegrationRunner.start(kafka.bootstrapServers(), topics, config.applicationId(), "it",
            IntegrationSettings.defaults(topics.prefix()), http);
        KafkaProducer<String, byte[]> producer = producer(kafka)) {
      define(producer, topics, CHILD, "Pack", CHILD_DEFINITION);
      define(producer, topics, PARENT, "Orders", PARENT_DEFINITION);

      String ok = start(producer, topics, "ok", "[{\"order\":1,\"mode\":\"ok\"},{\"order\":2,\"mode\":\"ok\"},{\"order\":3,\"mode\":\"ok\"}]");
      ExecutionSummary done = awaitFinished(kafka, topics.executions(), ok, Duration.ofSeconds(90));
      assertThat(done.status()).as(done.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(done.output()).hasSize(3);
      for (int i = 0; i < 3; i++) {
        JsonNode child = done.output().get(i);
        assertThat(child.get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(child.get("StateMachineArn").asText()).isEqualTo(CHILD);
        assertThat(child.get("ExecutionArn").asText()).startsWith("arn:aws:states:us-east-1:" + ACCOUNT + ":execution:Pack:");
        assertThat(child.get("Output")).isEqualTo(WireJson.mapper().readTree("{\"shipped\":" + (i + 1)
            + ",\"by\":\"" + ok + "\"}"));
      }

      String broken = start(producer, topics, "broken", "[{\"order\":4,\"mode\":\"fail\"}]");
      ExecutionSummary failed = awaitFinished(kafka, topics.executions(), broken, Duration.ofSeconds(60));
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(failed.error()).isEqualTo("States.TaskFailed");
      JsonNode cause = WireJson.mapper().readTree(failed.cause());
      assertThat(cause.get("Error").asText()).isEqualTo("ShipFailed");
      assertThat(cause.get("Cause").asText()).isEqualTo("no truck");
      assertThat(cause.get("Status").asText()).isEqualTo("FAILED");

      String lostMachine = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:Lost";
      define(producer, topics, lostMachine, "Lost", PARENT_DEFINITION.replace(CHILD, CHILD + "Missing"));
      String lost = "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:Lost:lost";
      producer.send(new ProducerRecord<>(topics.commands(), lost, WireJson.encode(new StartExecution(1, lost,
          lostMachine, "lost", WireJson.mapper().readTree("{\"orders\":[{\"order\":6}]}"),
          System.currentTimeMillis())))).get();
      ExecutionSummary missing = awaitFinished(kafka, topics.executions(), lost, Duration.ofSeconds(60));
      assertThat(missing.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(missing.error()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
      assertThat(missing.cause()).startsWith("State Machine Does Not Exist: '" + CHILD + "Missing'");

      String held = start(producer, topics, "held", "[{\"order\":5,\"mode\":\"wait\"}]");
      String child = awaitRunningChildOf(kafka, topics, held);
      producer.send(new ProducerRecord<>(topics.commands(), held, WireJson.encode(
          new StopExecution(1, held, null, null, System.currentTimeMillis())))).get();
      assertThat(awaitFinished(kafka, topics.executions(), held, Duration.ofSeconds(60)).status())
          .isEqualTo(ExecutionStatus.ABORTED);
      assertThat(awaitFinished(kafka, topics.executions(), child, Duration.ofSeconds(60)).status())
          .isEqualTo(ExecutionStatus.ABORTED);

      runExampleUnchanged(kafka, topics, producer, "http://127.0.0.1:" + inventory.getAddress().getPort());
    } finally {
      inventory.stop(0);
    }
  }

  private static void runExampleUnchanged(KafkaCluster kafka, TopicCatalogue topics, KafkaProducer<String, byte[]> producer,
      String inventoryBase) throws Exception {
    define(producer, topics, "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:Ship", "Ship",
        Files.readString(EXAMPLE.resolve("ship.asl.json")));
    String orders = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:NestedOrders";
    define(producer, topics, orders, "NestedOrders", Files.readString(EXAMPLE.resolve("orders.asl.json")));
    ObjectNode input = (ObjectNode) WireJson.mapper().readTree(Files.readString(EXAMPLE.resolve("input.json")));
    input.put("inventoryUrl", inventoryBase + "/stock.json");
    String execution = "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:NestedOrders:o-1001";
    producer.send(new ProducerRecord<>(topics.commands(), execution, WireJson.encode(new StartExecution(1, execution,
        orders, "o-1001", input, System.currentTimeMillis())))).get();

    ExecutionSummary done = awaitFinished(kafka, topics.executions(), execution, Duration.ofSeconds(90));
    assertThat(done.status()).as(done.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output().at("/inventory/stock")).isEqualTo(WireJson.mapper().readTree("{\"A-1\":12,\"B-7\":3}"));
    assertThat(done.output().get("shipments")).isEqualTo(WireJson.mapper().readTree("""
        [{"order":"o-1001","sku":"A-1","reserved":true,"startedBy":"%1$s"},
         {"order":"o-1001","sku":"B-7","reserved":true,"startedBy":"%1$s"}]""".formatted(execution)));
    JsonNode notification = WireJson.mapper().readTree(IntegrationRunnerIT.readAll(kafka,
        topics.prefix() + "sns.order-events", 1, Duration.ofSeconds(30)).get(0).value());
    assertThat(notification.get("Message").asText()).isEqualTo("Order o-1001 shipped in 2 nested executions");
    assertThat(notification.get("MessageId").asText()).isEqualTo(done.output().at("/announcement/MessageId").asText());
  }

  static void define(KafkaProducer<String, byte[]> producer, TopicCatalogue topics, String arn, String name,
      String definition) throws Exception {
    producer.send(new ProducerRecord<>(topics.definitions(), arn, WireJson.encode(new StateMachineRecord(1, arn, name,
        StateMachineRecord.KIND_STATE_MACHINE, definition, "STANDARD", "", "r1", 1L, 1L)))).get();
  }

  static String start(KafkaProducer<String, byte[]> producer, TopicCatalogue topics, String name, String orders)
      throws Exception {
    String execution = "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:Orders:" + name;
    producer.send(new ProducerRecord<>(topics.commands(), execution, WireJson.encode(new StartExecution(1, execution,
        PARENT, name, WireJson.mapper().readTree("{\"orders\":" + orders + "}"), System.currentTimeMillis())))).get();
    return execution;
  }

  /** The ARN of the running child whose input names {@code parent} as the execution that started it. */
  static String awaitRunningChildOf(KafkaCluster kafka, TopicCatalogue topics, String parent) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
      consumer.subscribe(List.of(topics.executions()));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          ExecutionSummary s = r.value() == null ? null : WireJson.decode(r.value(), ExecutionSummary.class);
          if (s != null && s.status() == ExecutionStatus.RUNNING && CHILD.equals(s.stateMachineArn())
              && parent.equals(s.input().path("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").asText())) {
            return s.executionArn();
          }
        }
      }
      throw new AssertionError("no running child of " + parent);
    }
  }
}
