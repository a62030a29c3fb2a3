package dev.stepstream.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The triggers page: a trigger created over REST, fed three records, shown with its counters; pause from the page. */
class ConsoleTriggersIT extends ConsoleHarness {
  private static final String TOPIC = "consoletrig-orders";

  ConsoleTriggersIT() {
    super("consoletrig.");
  }

  @Override
  void prepare() throws Exception {
    createMachine("TriggeredOrders", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
    String servers = env.bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < 4; i++) {
        String kind = i == 3 ? "open" : "paid";
        producer.send(new ProducerRecord<>(TOPIC, "k" + i,
            ("{\"kind\":\"" + kind + "\",\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8))).get();
      }
    }
    JsonNode created = postRest("/api/triggers", "{\"name\":\"paid-orders\",\"sourceTopic\":\"" + TOPIC
        + "\",\"target\":\"" + MACHINE + "TriggeredOrders\",\"startingPosition\":\"EARLIEST\",\"maxConcurrency\":5,"
        + "\"filter\":{\"value\":{\"kind\":[\"paid\"]}}}");
    assertThat(created.path("state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void shouldListTheTriggerWithItsCountersAndPauseItFromThePage() throws Exception {
    page.navigate(base + "/triggers");
    Locator row = page.locator("[data-trigger='paid-orders']");
    page.waitForFunction("() => document.querySelector(\"[data-trigger='paid-orders'] [data-counter='executionsStarted']\")"
        + "?.dataset.value === '3'", null, new Page.WaitForFunctionOptions().setTimeout(60_000));

    assertThat(row.locator("[data-testid='source-topic']").innerText()).isEqualTo(TOPIC);
    assertThat(row.locator("[data-counter='recordsRead']").getAttribute("data-value")).isEqualTo("4");
    assertThat(row.locator("[data-counter='recordsMatched']").getAttribute("data-value")).isEqualTo("3");
    assertThat(row.locator("[data-counter='recordsDeadLettered']").getAttribute("data-value")).isEqualTo("0");
    assertThat(row.getByRole(AriaRole.LINK).first().getAttribute("href"))
        .isEqualTo("/state-machines/" + encode(MACHINE + "TriggeredOrders"));
    assertThat(page.locator("nav.topnav a.active").innerText()).isEqualTo("Triggers");

    row.locator("[data-testid='toggle']").click();
    page.waitForSelector("[data-trigger='paid-orders'][data-state='PAUSED']");
    assertThat(row.locator("[data-testid='toggle']").innerText()).isEqualTo("Resume");
    assertThat(JSON.readTree(get("/api/triggers/paid-orders")).path("state").asText()).isEqualTo("PAUSED");
  }

  private JsonNode postRest(String path, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
