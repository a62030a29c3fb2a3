package dev.stepstream.dist.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Raw AWS JSON 1.0 calls to one API port, each answer timed (as the AWS SDKs send them, unsigned). */
final class AwsJsonCalls {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final int port;
  private final Duration timeout;

  /** @param timeout how long one call may take before it counts as a hang (answered with status 0) */
  AwsJsonCalls(int port, Duration timeout) {
    this.port = port;
    this.timeout = timeout;
  }

  static ObjectNode body() {
    return JSON.createObjectNode();
  }

  /** One answer: the HTTP status (0 when none came within the timeout), its JSON body and how long it took. */
  record Answer(String operation, int status, String text, Duration took) {
    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        return JSON.createObjectNode();
      }
    }

    boolean ok() {
      return status == 200;
    }

    String errorType() {
      return json().path("__type").asText("");
    }

    @Override
    public String toString() {
      return operation + " -> " + status + " in " + took.toMillis() + " ms: " + text;
    }
  }

  Answer call(String operation, ObjectNode body) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .timeout(timeout)
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(operation, response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - started));
    } catch (HttpTimeoutException e) {
      return new Answer(operation, 0, "no answer within " + timeout.toSeconds() + " s",
          Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException e) {
      return new Answer(operation, -1, "connection failed: " + e, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** The call's JSON body; fails with the answer unless it is a 200. */
  JsonNode ok(String operation, ObjectNode body) throws InterruptedException {
    Answer answer = call(operation, body);
    if (!answer.ok()) {
      throw new AssertionError(answer.toString());
    }
    return answer.json();
  }
}
