package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The CLI commands of {@code examples/order-triggers/run.sh} (and its README) send exactly the example's
 * {@code trigger.json} and {@code schedule.json}, so the two ways the README offers create the same things.
 */
class OrderTriggersExampleCliTest {
  private static final Path EXAMPLE = Path.of("../examples/order-triggers").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<JsonNode> bodies = new ArrayList<>();
  private final StringWriter err = new StringWriter();
  private HttpServer api;

  @BeforeEach
  void startStubApi() throws IOException {
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext("/api/", exchange -> {
      bodies.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
      byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    api.start();
  }

  @AfterEach
  void stopStubApi() {
    api.stop(0);
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", "http://127.0.0.1:" + api.getAddress().getPort()));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void shouldSendTheExampleTriggerJsonFromTheReadmeCommand() throws IOException {
    int code = run("triggers", "create", "paid-orders", "--topic", "orders", "--target", "ProcessOrder",
        "--filter", "@" + EXAMPLE.resolve("paid-orders.filter.json"),
        "--transform", "@" + EXAMPLE.resolve("paid-orders.transform.jsonata"),
        "--name-template", "{trigger}-{partition}-{offset}", "--start", "earliest", "--max-concurrency", "10");

    assertThat(code).as(err.toString()).isZero();
    JsonNode sent = bodies.get(0).deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) sent).put("inputTransform", sent.get("inputTransform").asText().strip());
    assertThat(sent).isEqualTo(JSON.readTree(Files.readString(EXAMPLE.resolve("trigger.json"))));
  }

  @Test
  void shouldSendTheExampleScheduleJsonFromTheReadmeCommand() throws IOException {
    int code = run("schedules", "create", "nightly-orders-cleanup", "--expression", "cron(0 2 * * ? *)",
        "--timezone", "Europe/Lisbon", "--flexible-window", "15", "--target", "CleanupOrders",
        "--input", "{\"before\": \"<aws.scheduler.scheduled-time>\", \"retentionDays\": 30}");

    assertThat(code).as(err.toString()).isZero();
    assertThat(bodies.get(0)).isEqualTo(JSON.readTree(Files.readString(EXAMPLE.resolve("schedule.json"))));
  }
}
