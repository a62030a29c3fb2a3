package dev.stepstream.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/** Schedules on the real broker: REST management, and a firing through the processor's durable timers. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulesIT {
  private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiFixture fixture;

  @BeforeAll
  void start(KafkaCluster kafka) throws Exception {
    fixture = new ApiFixture(kafka, Duration.ofSeconds(5));
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @Test
  void shouldStartARateScheduleAtOnceWithTheScheduledTimeInItsInput() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String machine = machine("tick-" + id);
    HttpResponse<String> created = send("POST", "/api/schedules", "{\"Name\":\"tick-" + id + "\","
        + "\"ScheduleExpression\":\"rate(1 hour)\",\"FlexibleTimeWindow\":{\"Mode\":\"OFF\"},"
        + "\"Target\":{\"Arn\":\"" + machine + "\",\"Input\":\"{\\\"at\\\":\\\"<aws.scheduler.scheduled-time>\\\"}\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode schedule = parse(created.body());
    assertThat(schedule.path("Arn").asText()).isEqualTo("arn:aws:scheduler:us-east-1:123456789012:schedule/default/tick-" + id);
    assertThat(schedule.path("State").asText()).isEqualTo("ENABLED");
    assertThat(schedule.path("MissedFirings").asText()).isEqualTo("FIRE_LATEST");

    List<ExecutionListItem> executions = await(() -> fixture.sfn.listExecutions(b -> b.stateMachineArn(machine))
        .executions(), l -> !l.isEmpty() && l.get(0).statusAsString().equals("SUCCEEDED"));
    assertThat(executions).singleElement().satisfies(e -> assertThat(e.name()).startsWith("tick-" + id + "-"));
    String input = fixture.sfn.describeExecution(b -> b.executionArn(executions.get(0).executionArn())).input();
    assertThat(parse(input).path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(parse(send("GET", "/api/schedules/tick-" + id, null).body()).has("NextFireTime")).isTrue();
  }

  @Test
  void shouldPauseResumeListAndDeleteASchedule() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String machine = machine("nightly-" + id);
    String name = "nightly-" + id;
    assertThat(send("POST", "/api/schedules", "{\"Name\":\"" + name + "\",\"ScheduleExpression\":\"cron(0 2 * * ? *)\","
        + "\"ScheduleExpressionTimezone\":\"Europe/Lisbon\",\"Target\":{\"Arn\":\"" + machine + "\"}}").statusCode())
        .isEqualTo(200);

    HttpResponse<String> again = send("POST", "/api/schedules", "{\"Name\":\"" + name + "\","
        + "\"ScheduleExpression\":\"cron(0 2 * * ? *)\",\"Target\":{\"Arn\":\"" + machine + "\"}}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(parse(again.body()).path("__type").asText()).isEqualTo("ConflictException");

    JsonNode paused = parse(send("POST", "/api/schedules/" + name + "/pause", "").body());
    assertThat(paused.path("State").asText()).isEqualTo("DISABLED");
    assertThat(paused.has("NextFireTime")).isFalse();
    JsonNode resumed = parse(send("POST", "/api/schedules/" + name + "/resume", "").body());
    assertThat(resumed.path("State").asText()).isEqualTo("ENABLED");
    assertThat(resumed.has("NextFireTime")).isTrue();

    JsonNode list = parse(send("GET", "/api/schedules", null).body());
    assertThat(list.path("Schedules").findValuesAsText("Name")).contains(name);

    assertThat(send("DELETE", "/api/schedules/" + name, null).statusCode()).isEqualTo(200);
    HttpResponse<String> gone = send("GET", "/api/schedules/" + name, null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(parse(gone.body()).path("__type").asText()).isEqualTo("ResourceNotFoundException");
  }

  @Test
  void shouldRefuseABadExpressionNamingTheField() throws Exception {
    String machine = machine("bad-" + UUID.randomUUID().toString().substring(0, 8));
    HttpResponse<String> refused = send("POST", "/api/schedules", "{\"Name\":\"bad\",\"ScheduleExpression\":"
        + "\"cron(0 12 * * ?)\",\"Target\":{\"Arn\":\"" + machine + "\"}}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(parse(refused.body()).path("__type").asText()).isEqualTo("ValidationException");
    assertThat(parse(refused.body()).path("message").asText())
        .startsWith("ScheduleExpression: cron(0 12 * * ?) has 5 fields, expected 6");
  }

  private String machine(String name) {
    return fixture.sfn.createStateMachine(b -> b.name(name).definition(PASS)
        .roleArn("arn:aws:iam::123456789012:role/stepstream")).stateMachineArn();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.endpoint() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static <T> T await(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      value = read.get();
    }
    return value;
  }

  private static JsonNode parse(String text) {
    try {
      return WireJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
