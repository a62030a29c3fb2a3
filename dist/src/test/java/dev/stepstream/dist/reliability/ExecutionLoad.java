package dev.stepstream.dist.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts many executions through the AWS API of one instance, keeping a bounded number of calls
 * outstanding; a throttled or failed (5xx) call is retried, a rejection fails the load.
 */
final class ExecutionLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int OUTSTANDING = 64;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;

  ExecutionLoad(int apiPort) {
    this.endpoint = URI.create("http://127.0.0.1:" + apiPort + "/");
  }

  /** Creates a state machine and returns its ARN. */
  String createMachine(String name, String definition) throws IOException, InterruptedException {
    return call("CreateStateMachine", JSON.createObjectNode().put("name", name)
        .put("roleArn", "arn:aws:iam::123456789012:role/r").put("definition", definition))
        .path("stateMachineArn").asText();
  }

  /** Starts {@code count} executions named {@code prefix + i}; returns once the API accepted all. */
  void start(String machineArn, String prefix, int count) throws InterruptedException {
    Semaphore outstanding = new Semaphore(OUTSTANDING);
    AtomicReference<String> failure = new AtomicReference<>();
    AtomicLong retries = new AtomicLong();
    for (int i = 0; i < count && failure.get() == null; i++) {
      outstanding.acquire();
      ObjectNode body = JSON.createObjectNode().put("stateMachineArn", machineArn).put("name", prefix + i)
          .put("input", "{\"n\":" + i + "}");
      startOne(body, retries).whenComplete((error, thrown) -> {
        if (thrown != null || error != null) {
          failure.compareAndSet(null, thrown != null ? thrown.toString() : error);
        }
        outstanding.release();
      });
    }
    outstanding.acquire(OUTSTANDING);
    if (failure.get() != null) {
      throw new AssertionError("StartExecution failed: " + failure.get());
    }
  }

  /** Completes with null when started, or with the error text. */
  private CompletableFuture<String> startOne(ObjectNode body, AtomicLong retries) {
    return http.sendAsync(request("StartExecution", body), HttpResponse.BodyHandlers.ofString())
        .thenCompose(response -> {
          // Names are unique per load: "already exists" means an earlier attempt of this start got through.
          if (response.statusCode() == 200 || response.body().contains("ExecutionAlreadyExists")) {
            return CompletableFuture.completedFuture(null);
          }
          // Throttled, or the start did not show up in time on a loaded machine: starting the same name with
          // the same input again is idempotent.
          boolean retryable = response.statusCode() >= 500 || response.body().contains("ThrottlingException");
          if (retryable && retries.incrementAndGet() < 100_000) {
            return startOne(body, retries);
          }
          return CompletableFuture.completedFuture(response.statusCode() + " " + response.body());
        });
  }

  JsonNode call(String operation, ObjectNode body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request(operation, body), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(operation + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Whether {@code /health/ready} answers 200 now. */
  boolean ready() {
    try {
      HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/health/ready"))
          .timeout(Duration.ofSeconds(5)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpRequest request(String operation, ObjectNode body) {
    return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
  }
}
