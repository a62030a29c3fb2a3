package dev.stepstream.processor.integrations;

import static dev.stepstream.processor.integrations.IntegrationRunnerIT.awaitFinished;
import static dev.stepstream.processor.integrations.IntegrationRunnerIT.producer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP Task on a real broker against a server on 127.0.0.1: success, Retry on 5xx, Catch of 4xx and a timeout. */
@ExtendWith(KafkaClusterExtension.class)
class HttpInvokeIT {
  private static final String ACCOUNT = "123456789012";
  private static final String MACHINE = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:Http";
  private static final String SECRET = "s3cret-key";

  @Test
  void shouldCallTheApiRetryOn503CatchA404AndFailASlowCallWithSocket(KafkaCluster kafka, @TempDir Path stateDir)
      throws Exception {
    AtomicInteger flakyCalls = new AtomicInteger();
    ExecutorService serverThreads = Executors.newFixedThreadPool(2);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/customers", exchange -> answer(exchange,
        SECRET.equals(exchange.getRequestHeaders().getFirst("x-api-key")) ? 200 : 401,
        "{\"id\":\"cus_1\",\"query\":\"" + exchange.getRequestURI().getRawQuery() + "\"}"));
    server.createContext("/flaky", exchange -> answer(exchange, flakyCalls.incrementAndGet() == 1 ? 503 : 200, "{}"));
    server.createContext("/missing", exchange -> answer(exchange, 404, "{\"message\":\"no such thing\"}"));
    server.createContext("/slow", exchange -> {
      sleep(4_000);
      answer(exchange, 200, "{}");
    });
    server.setExecutor(serverThreads);
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();

    TopicCatalogue topics = TopicCatalogue.load("it-http-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 1, (short) 1)) {
      provisioner.ensureCatalogueTopics();
    }
    String definition = """
        {"StartAt":"Get","States":{
          "Get":{"Type":"Task","Resource":"arn:aws:states:::http:invoke",
            "Parameters":{"ApiEndpoint":"%1$s/customers","Method":"GET","QueryParameters":{"q.$":"$.q"},
              "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:%2$s:connection/Shop/5a1b"}},
            "ResultPath":"$.get","Next":"Flaky"},
          "Flaky":{"Type":"Task","Resource":"arn:aws:states:::http:invoke",
            "Parameters":{"ApiEndpoint":"%1$s/flaky","Method":"POST","RequestBody":{"a":1},
              "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:%2$s:connection/Shop/5a1b"}},
            "Retry":[{"ErrorEquals":["States.Http.StatusCode.503"],"IntervalSeconds":1,"MaxAttempts":2}],
            "ResultSelector":{"StatusCode.$":"$.StatusCode"},"ResultPath":"$.flaky","Next":"Missing"},
          "Missing":{"Type":"Task","Resource":"arn:aws:states:::http:invoke",
            "Parameters":{"ApiEndpoint":"%1$s/missing","Method":"GET",
              "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:%2$s:connection/Shop/5a1b"}},
            "Catch":[{"ErrorEquals":["States.Http.StatusCode.404"],"ResultPath":"$.missing","Next":"Slow"}],"Next":"Slow"},
          "Slow":{"Type":"Task","Resource":"arn:aws:states:::http:invoke",
            "Parameters":{"ApiEndpoint":"%1$s/slow","Method":"GET",
              "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:%2$s:connection/Shop/5a1b"}},
            "Catch":[{"ErrorEquals":["States.Http.Socket"],"ResultPath":"$.slow","Next":"Done"}],"Next":"Done"},
          "Done":{"Type":"Pass","End":true}}}""".formatted(base, ACCOUNT);
    ProcessorConfig config = new ProcessorConfig(kafka.bootstrapServers(), "it-" + UUID.randomUUID(), topics, stateDir,
        Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());
    HttpSettings http = new HttpSettings(2, Duration.ofSeconds(2), Map.of("Shop", new HttpConnection("Shop",
        HttpConnection.Type.API_KEY, Map.of("apiKeyName", "x-api-key", "apiKeyValue", SECRET))));
    String execution = "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:Http:h1";

    try (StepstreamProcessor processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(60));
        IntegrationRunner runner = IntegrationRunner.start(kafka.bootstrapServers(), topics, config.applicationId(), "it",
            IntegrationSettings.defaults(topics.prefix()), http);
        KafkaProducer<String, byte[]> producer = producer(kafka)) {
      producer.send(new ProducerRecord<>(topics.definitions(), MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE,
          "Http", StateMachineRecord.KIND_STATE_MACHINE, definition, "STANDARD", "", "r1", 1L, 1L)))).get();
      producer.send(new ProducerRecord<>(topics.commands(), execution, WireJson.encode(new StartExecution(1, execution,
          MACHINE, "h1", JsonNodeFactory.instance.objectNode().put("q", "a b"), System.currentTimeMillis())))).get();

      ExecutionSummary summary = awaitFinished(kafka, topics.executions(), execution, Duration.ofSeconds(90));

      assertThat(summary.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      JsonNode output = summary.output();
      assertThat(output.at("/get/StatusCode").asText()).isEqualTo("200");
      assertThat(output.at("/get/StatusText").asText()).isEqualTo("OK");
      assertThat(output.at("/get/ResponseBody/id").asText()).isEqualTo("cus_1");
      assertThat(output.at("/get/ResponseBody/query").asText()).isEqualTo("q=a+b");
      assertThat(output.at("/get/Headers/content-type/0").asText()).isEqualTo("application/json");
      assertThat(output.at("/flaky/StatusCode").asText()).isEqualTo("200");
      assertThat(flakyCalls.get()).isEqualTo(2);
      assertThat(output.at("/missing/Error").asText()).isEqualTo("States.Http.StatusCode.404");
      JsonNode cause = WireJson.mapper().readTree(output.at("/missing/Cause").asText());
      assertThat(cause.get("StatusCode").asText()).isEqualTo("404");
      assertThat(cause.at("/ResponseBody/message").asText()).isEqualTo("no such thing");
      assertThat(output.at("/slow/Error").asText()).isEqualTo("States.Http.Socket");
      assertThat(output.toString()).doesNotContain(SECRET);
    } finally {
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
