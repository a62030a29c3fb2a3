package dev.stepstream.server.api;

import static dev.stepstream.server.api.AwsSdkIT.ROLE;
import static dev.stepstream.server.api.AwsSdkIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The wire protocol itself (bad requests get AWS's error shape), the REST routes, SSE and /metrics. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpProtocolIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiFixture fixture;

  @BeforeAll
  void start(KafkaCluster kafka) throws Exception {
    fixture = new ApiFixture(kafka, Duration.ofSeconds(1));
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  private HttpResponse<String> aws(String target, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(fixture.endpoint())
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=dummy/20260101/us-east-1/states/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0000")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      request.header("X-Amz-Target", target);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertAwsError(HttpResponse<String> response, int status, String type) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/x-amz-json-1.0"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("__type").asText()).isEqualTo(type);
    assertThat(body.path("message").asText()).isNotBlank();
  }

  @Test
  void shouldAnswerMalformedJsonWithSerializationException() throws Exception {
    assertAwsError(aws("AWSStepFunctions.ListStateMachines", "{not json"), 400, "SerializationException");
    assertAwsError(aws("AWSStepFunctions.ListStateMachines", "[1, 2]"), 400, "SerializationException");
    assertAwsError(aws("AWSStepFunctions.DescribeStateMachine", "{\"stateMachineArn\": 5}"), 400,
        "SerializationException");
  }

  @Test
  void shouldAnswerUnknownOrMissingTargetsWithUnknownOperationException() throws Exception {
    assertAwsError(aws("AWSStepFunctions.LaunchRocket", "{}"), 400, "UnknownOperationException");
    assertAwsError(aws("DynamoDB_20120810.ListTables", "{}"), 400, "UnknownOperationException");
    assertAwsError(aws(null, "{}"), 400, "UnknownOperationException");
  }

  @Test
  void shouldAnswerMissingMembersWithValidationException() throws Exception {
    HttpResponse<String> response = aws("AWSStepFunctions.DescribeStateMachine", "{}");
    assertAwsError(response, 400, "ValidationException");
    assertThat(JSON.readTree(response.body()).path("message").asText())
        .isEqualTo("1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: "
            + "Member must not be null");
    assertAwsError(aws("AWSStepFunctions.CreateStateMachine", "{\"name\": \"x\"}"), 400, "ValidationException");
  }

  @Test
  void shouldRefuseAnOversizedBodyWith413InTheAwsShape() throws Exception {
    String huge = "{\"definition\": \"" + "x".repeat(1_200_000) + "\"}";
    assertAwsError(aws("AWSStepFunctions.ValidateStateMachineDefinition", huge), 413, "ValidationException");
  }

  @Test
  void shouldServeRestRoutesAndStreamHistoryAsServerSentEvents() throws Exception {
    String create = JSON.createObjectNode().put("name", unique("rest")).put("roleArn", ROLE)
        .put("definition", "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 1, \"End\": true}}}")
        .toString();
    String machine = JSON.readTree(aws("AWSStepFunctions.CreateStateMachine", create).body())
        .path("stateMachineArn").asText();

    HttpResponse<String> listed = get("/api/state-machines");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains(machine);
    HttpResponse<String> started = http.send(HttpRequest.newBuilder(uri("/api/state-machines/" + enc(machine) + "/executions"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"r1\", \"input\": {\"k\": 1}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).isEqualTo(200);
    String execution = JSON.readTree(started.body()).path("executionArn").asText();

    List<String> events = sse("/api/executions/" + enc(execution) + "/events");
    assertThat(events).containsExactly("history:ExecutionStarted", "history:WaitStateEntered",
        "history:WaitStateExited", "history:ExecutionSucceeded", "end");

    JsonNode described = JSON.readTree(get("/api/executions/" + enc(execution)).body());
    assertThat(described.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(get("/api/executions/" + enc(execution) + "/history").body()).path("events")).hasSize(4);
    assertThat(JSON.readTree(get("/api/state-machines/" + enc(machine) + "/executions?status=SUCCEEDED").body())
        .path("executions")).hasSize(1);
    assertThat(get("/api/executions/" + enc(execution.replace(":r1", ":nope"))).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldAnswerStudioValidationWithJsonPointerLocations() throws Exception {
    String body = JSON.createObjectNode()
        .put("definition", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Nope\"}}}").toString();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/validate"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode out = JSON.readTree(response.body());
    assertThat(out.path("result").asText()).isEqualTo("FAIL");
    assertThat(out.path("diagnostics")).extracting(d -> d.path("location").asText()).contains("/States/A/Next");
  }

  @Test
  void shouldExportProcessorAndApiCountersForPrometheus() throws Exception {
    aws("AWSStepFunctions.ListStateMachines", "{}");
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("stepstream_processor_applied_total")
        .contains("stepstream_api_requests_total{operation=\"ListStateMachines\",outcome=\"OK\"}");
  }

  private List<String> sse(String path) throws Exception {
    HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(uri(path))
        .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofInputStream());
    List<String> seen = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String event = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:") && event != null) {
          seen.add(event.equals("history")
              ? "history:" + JSON.readTree(line.substring(5).trim()).path("type").asText() : event);
        }
      }
    }
    return seen;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(fixture.endpoint() + path);
  }

  private static String enc(String arn) {
    return URLEncoder.encode(arn, StandardCharsets.UTF_8);
  }
}
