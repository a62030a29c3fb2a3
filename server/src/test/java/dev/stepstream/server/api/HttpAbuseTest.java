package dev.stepstream.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.AwsJsonEndpoint;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.ops.ValidateOps;
import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTP abuse against an API with small limits: wrong content types, slow-loris clients and 1,000
 * concurrent connections get AWS-shaped answers (or a closed connection), and the limits hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpAbuseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID = "{\"definition\": \"{\\\"StartAt\\\":\\\"P\\\",\\\"States\\\":{\\\"P\\\":"
      + "{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}}}\"}";
  private static final HttpLimits LIMITS = HttpLimits.DEFAULTS.withMaxConnections(64).withMaxConcurrentRequests(4)
      .withIdleTimeout(Duration.ofSeconds(2));
  private final List<CompletableFuture<JsonNode>> held = new CopyOnWriteArrayList<>();
  private Javalin api;

  /** The API's endpoint and limits, with ValidateStateMachineDefinition and an operation that answers when told. */
  @BeforeAll
  void start() {
    Map<String, Operation> ops = new HashMap<>();
    new ValidateOps().register(ops);
    ops.put("Hold", Operation.async(request -> {
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      held.add(answer);
      return answer;
    }));
    AwsJsonEndpoint endpoint = new AwsJsonEndpoint(ops, (operation, outcome) -> { }, LIMITS.maxConcurrentRequests());
    api = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      JettyLimits.apply(config, LIMITS, 1_048_576);
      config.routes.post("/", endpoint::handle);
      config.routes.exception(Exception.class, (e, ctx) -> AwsJsonEndpoint.respondError(ctx, e));
    }).start("127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    held.forEach(h -> h.complete(AwsJson.object()));
    api.stop();
  }

  @Test
  void shouldAnswerWrongContentTypesInTheAwsShape() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json")) {
      HttpResponse<String> notJson = http.send(post(type, "<xml/>"), HttpResponse.BodyHandlers.ofString());
      assertAwsError(notJson, 400, "SerializationException");
      HttpResponse<String> json = http.send(post(type, VALID), HttpResponse.BodyHandlers.ofString());
      assertThat(json.statusCode()).as(type).isEqualTo(200);
    }
  }

  @Test
  void shouldCloseTheConnectionOfAClientThatStopsSendingMidRequest() throws Exception {
    try (Socket slow = new Socket("127.0.0.1", api.port())) {
      OutputStream out = slow.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
          + "X-Amz-Target: AWSStepFunctions.ValidateStateMachineDefinition\r\nContent-Length: 100\r\n\r\n{\"defin")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      slow.setSoTimeout(20_000);
      long started = System.nanoTime();
      InputStream in = slow.getInputStream();
      byte[] answer = in.readAllBytes();
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(waited).isBetween(1_000L, 15_000L);
      String text = new String(answer, StandardCharsets.US_ASCII);
      assertThat(text.isEmpty() || text.startsWith("HTTP/1.1 4") || text.startsWith("HTTP/1.1 5")).as(text).isTrue();
    }
  }

  @Test
  void shouldCloseAnIdleConnectionThatNeverSendsAHeader() throws Exception {
    try (Socket silent = new Socket("127.0.0.1", api.port())) {
      silent.getOutputStream().write("POST / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      silent.setSoTimeout(20_000);
      long started = System.nanoTime();
      silent.getInputStream().readAllBytes();

      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(1_000L, 15_000L);
    }
  }

  @Test
  void shouldAnswerEveryOneOfAThousandConcurrentConnectionsInTheAwsShape() throws Exception {
    byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
    byte[] request = ("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-amz-json-1.0\r\n"
        + "X-Amz-Target: AWSStepFunctions.ValidateStateMachineDefinition\r\nContent-Length: " + body.length + "\r\n\r\n"
        + VALID).getBytes(StandardCharsets.UTF_8);
    List<Socket> clients = new ArrayList<>();
    Map<String, Integer> answers = new HashMap<>();
    try {
      // All connections open and all requests sent before any answer is read: 1,000 at once, 64 accepted at a time.
      for (int i = 0; i < 1_000; i++) {
        Socket client = new Socket("127.0.0.1", api.port());
        client.setSoTimeout(60_000);
        client.getOutputStream().write(request);
        clients.add(client);
      }
      for (Socket client : clients) {
        String response = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String status = response.isEmpty() ? "closed" : response.substring(9, 12);
        answers.merge(status, 1, Integer::sum);
        if (!status.equals("200")) {
          JsonNode error = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
          assertThat(error.path("__type").asText()).as(response).isEqualTo("ThrottlingException");
        }
      }
    } finally {
      for (Socket client : clients) {
        client.close();
      }
    }

    assertThat(answers.keySet()).as(answers.toString()).isSubsetOf("200", "400");
    assertThat(answers.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_000);
  }

  @Test
  void shouldRefuseARequestBeyondTheConcurrencyLimitWithThrottlingException() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> holders = new ArrayList<>();
    for (int i = 0; i < LIMITS.maxConcurrentRequests(); i++) {
      holders.add(http.sendAsync(post("application/x-amz-json-1.0", "{}", "Hold"), HttpResponse.BodyHandlers.ofString()));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (held.size() < LIMITS.maxConcurrentRequests() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    HttpResponse<String> refused = http.send(post("application/x-amz-json-1.0", VALID), HttpResponse.BodyHandlers.ofString());
    held.forEach(h -> h.complete(AwsJson.object().put("held", true)));
    HttpResponse<String> afterwards = http.send(post("application/x-amz-json-1.0", VALID), HttpResponse.BodyHandlers.ofString());

    assertAwsError(refused, 400, "ThrottlingException");
    assertThat(JSON.readTree(refused.body()).path("message").asText()).isEqualTo("Rate exceeded");
    for (CompletableFuture<HttpResponse<String>> holder : holders) {
      assertThat(holder.get(30, TimeUnit.SECONDS).body()).isEqualTo("{\"held\":true}");
    }
    assertThat(afterwards.statusCode()).isEqualTo(200);
  }

  private HttpRequest post(String contentType, String body) {
    return post(contentType, body, "ValidateStateMachineDefinition");
  }

  private HttpRequest post(String contentType, String body, String operation) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/"))
        .header("Content-Type", contentType)
        .header("X-Amz-Target", "AWSStepFunctions." + operation)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static void assertAwsError(HttpResponse<String> response, int status, String type) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("__type").asText()).isEqualTo(type);
    assertThat(body.path("message").asText()).isNotBlank().doesNotContain("\tat ");
  }

  private static void assertAwsErrorUnchecked(HttpResponse<String> response, int status, String type) {
    try {
      assertAwsError(response, status, type);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

}
