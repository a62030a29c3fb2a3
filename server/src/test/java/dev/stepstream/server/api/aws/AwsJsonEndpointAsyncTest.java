package dev.stepstream.server.api.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Operations that answer later must answer exactly as those that answer at once, errors included. */
class AwsJsonEndpointAsyncTest {
  private static final Executor LATER = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);
  private static final String EXISTS_MESSAGE = "Execution Already Exists: 'arn:x'";
  private static final List<String> OUTCOMES = new CopyOnWriteArrayList<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Javalin app;

  @BeforeAll
  static void startServer() {
    Map<String, Operation> ops = new HashMap<>();
    ops.put("AnswersLater", Operation.async(request -> CompletableFuture.supplyAsync(
        () -> (JsonNode) AwsJson.object().put("echo", request.requiredText("value")), LATER)));
    ops.put("FailsLater", Operation.async(request -> CompletableFuture.supplyAsync(() -> {
      throw exists();
    }, LATER)));
    ops.put("FailsBeforeWaiting", Operation.async(request -> {
      throw exists();
    }));
    ops.put("FailsAtOnce", request -> {
      throw exists();
    });
    ops.put("BreaksLater", Operation.async(request -> CompletableFuture.supplyAsync(() -> {
      throw new IllegalStateException("the execution did not become visible");
    }, LATER)));
    AwsJsonEndpoint endpoint = new AwsJsonEndpoint(ops,
        (operation, outcome) -> OUTCOMES.add(operation + " " + outcome));
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/", endpoint::handle);
    }).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stopServer() {
    app.stop();
  }

  private static AwsException exists() {
    return new AwsException(AwsErrors.EXECUTION_ALREADY_EXISTS, EXISTS_MESSAGE);
  }

  private static HttpResponse<String> call(String operation, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/"))
        .header("Content-Type", AwsJson.CONTENT_TYPE)
        .header("X-Amz-Target", AwsJsonEndpoint.TARGET_PREFIX + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return AwsJson.mapper().readTree(response.body());
  }

  @Test
  void shouldAnswerWithTheResultOfAnOperationThatCompletesLater() throws Exception {
    HttpResponse<String> response = call("AnswersLater", "{\"value\":\"hello\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith(AwsJson.CONTENT_TYPE));
    assertThat(json(response).path("echo").asText()).isEqualTo("hello");
    assertThat(OUTCOMES).contains("AnswersLater OK");
  }

  @Test
  void shouldAnswerAnAwsErrorRaisedLaterLikeOneThrownAtOnce() throws Exception {
    HttpResponse<String> later = call("FailsLater", "{}");
    HttpResponse<String> beforeWaiting = call("FailsBeforeWaiting", "{}");
    HttpResponse<String> atOnce = call("FailsAtOnce", "{}");

    for (HttpResponse<String> response : List.of(later, beforeWaiting, atOnce)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(AwsErrors.EXECUTION_ALREADY_EXISTS);
      assertThat(json(response).path("__type").asText()).isEqualTo(AwsErrors.EXECUTION_ALREADY_EXISTS);
      assertThat(json(response).path("message").asText()).isEqualTo(EXISTS_MESSAGE);
    }
    assertThat(OUTCOMES).contains("FailsLater ExecutionAlreadyExists", "FailsBeforeWaiting ExecutionAlreadyExists",
        "FailsAtOnce ExecutionAlreadyExists");
  }

  @Test
  void shouldAnswerAnUnexpectedFailureLaterAsInternalFailure() throws Exception {
    HttpResponse<String> response = call("BreaksLater", "{}");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response).path("__type").asText()).isEqualTo(AwsErrors.INTERNAL_FAILURE);
    assertThat(json(response).path("message").asText()).isEqualTo("Internal error: IllegalStateException");
  }

  @Test
  void shouldReturnTheValueOrRethrowTheAwsErrorWhenCalledDirectly() {
    AwsJsonEndpoint endpoint = new AwsJsonEndpoint(Map.of(
        "AnswersLater", Operation.async(request -> CompletableFuture.supplyAsync(
            () -> (JsonNode) AwsJson.object().put("done", true), LATER)),
        "FailsLater", Operation.async(request -> CompletableFuture.supplyAsync(() -> {
          throw exists();
        }, LATER))), (operation, outcome) -> { });

    assertThat(endpoint.invoke("AnswersLater", AwsJson.object()).path("done").asBoolean()).isTrue();
    assertThatThrownBy(() -> endpoint.invoke("FailsLater", AwsJson.object()))
        .isInstanceOf(AwsException.class).hasMessage(EXISTS_MESSAGE);
  }
}
