package dev.stepstream.dist.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.auth.AccessKey;
import dev.stepstream.server.api.auth.SigV4Signer;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * AWS JSON calls to one {@code serve} instance, signed with SigV4 as the AWS SDKs sign them, but
 * without the SDKs' retries: every answer, a retryable error included, reaches the test as it was.
 */
final class SignedApi {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1).build();

  private final AccessKey key;
  private final int port;
  private final Duration timeout;

  SignedApi(AccessKey key, int port, Duration timeout) {
    this.key = key;
    this.port = port;
    this.timeout = timeout;
  }

  int port() {
    return port;
  }

  /** One answer: its HTTP status, body (null when not JSON), raw text and how long it took. */
  record Answer(int status, JsonNode body, String raw, long millis) {
    boolean ok() {
      return status == 200;
    }

    String errorType() {
      return body == null ? "" : body.path("__type").asText("");
    }

    /** An error the AWS SDKs retry: ServiceUnavailable (503) or ThrottlingException (400). */
    boolean retryable() {
      return status == 503 && errorType().equals("ServiceUnavailable")
          || status == 400 && errorType().equals("ThrottlingException");
    }
  }

  /** Thrown when the instance did not answer within the timeout: a hang, as the test counts it. */
  static final class NoAnswerException extends RuntimeException {
    NoAnswerException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  Answer call(String operation, ObjectNode request) {
    byte[] body = request.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = Map.of("Content-Type", "application/x-amz-json-1.0",
        "X-Amz-Target", "AWSStepFunctions." + operation);
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(builder::header);
    SigV4Signer.sign(key, "us-east-1", Instant.now(), "127.0.0.1:" + port, "/", headers, body)
        .forEach(builder::header);
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), json(response.body()), response.body(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (HttpTimeoutException e) {
      throw new NoAnswerException(operation + " on port " + port + " got no answer within " + timeout, e);
    } catch (IOException e) {
      throw new NoAnswerException(operation + " on port " + port + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NoAnswerException("interrupted", e);
    }
  }

  /**
   * The answer of a call that must succeed. Retryable errors (ServiceUnavailable, ThrottlingException)
   * are retried for up to a minute, as an AWS SDK would.
   */
  JsonNode ok(String operation, ObjectNode request) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      Answer answer = call(operation, request);
      if (answer.ok()) {
        return answer.body();
      }
      if (!answer.retryable() || System.nanoTime() > deadline) {
        throw new AssertionError(operation + " on port " + port + " answered " + answer.status() + ": " + answer.raw());
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NoAnswerException("interrupted", e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return WireJson.mapper().readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
