package dev.stepstream.bench.workflow;

import dev.stepstream.bench.harness.Sample;
import dev.stepstream.bench.harness.Window;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * W4 through the HTTP API: {@code clients} threads each POST StartExecution (AWS JSON 1.0) as fast as
 * the API answers, with at most {@code inFlight} executions unfinished; counts executions finished.
 */
final class ApiStarts {
  private final EngineRig rig;
  private final ExecutionApi api;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong names = new AtomicLong();
  private volatile String lastError = "";

  ApiStarts(EngineRig rig, ExecutionApi api) {
    this.rig = rig;
    this.api = api;
  }

  Sample run(Window window, String label, int clients, int inFlight) throws InterruptedException {
    String machineArn = createMachine();
    Semaphore slots = new Semaphore(inFlight);
    long base = rig.finished();
    String prefix = "w4-" + System.nanoTime() + "-";
    rig.onFinished(arn -> {
      if (arn.contains(prefix)) {
        slots.release();
      }
    });
    List<Thread> threads = new ArrayList<>();
    AtomicLong stop = new AtomicLong();
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> {
        while (stop.get() == 0) {
          try {
            if (slots.tryAcquire(100, TimeUnit.MILLISECONDS) && !startOne(machineArn, prefix + names.incrementAndGet())) {
              slots.release();
            }
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bench-w4-client-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    try {
      return window.run(label, "executions/s", () -> rig.finished() - base);
    } finally {
      stop.set(1);
      for (Thread t : threads) {
        t.join(10_000);
      }
      rig.onFinished(arn -> { });
    }
  }

  long errors() {
    return errors.get();
  }

  String lastError() {
    return lastError;
  }

  private String createMachine() {
    String body = call("CreateStateMachine", Map.of("name", "W4Api" + System.nanoTime(),
        "definition", Definitions.passChain(1), "roleArn", "arn:aws:iam::" + EngineRig.ACCOUNT + ":role/bench"));
    try {
      return WireJson.mapper().readTree(body).path("stateMachineArn").asText();
    } catch (IOException e) {
      throw new IllegalStateException("CreateStateMachine answered " + body, e);
    }
  }

  private boolean startOne(String machineArn, String name) {
    try {
      call("StartExecution", Map.of("stateMachineArn", machineArn, "name", name, "input", "{\"order\":42}"));
      return true;
    } catch (RuntimeException e) {
      errors.incrementAndGet();
      lastError = e.getMessage();
      return false;
    }
  }

  private String call(String operation, Map<String, String> request) {
    try {
      HttpRequest post = HttpRequest.newBuilder(URI.create(api.endpoint() + "/"))
          .header("Content-Type", "application/x-amz-json-1.0")
          .header("X-Amz-Target", "AWSStepFunctions." + operation)
          .timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.mapper().writeValueAsBytes(request)))
          .build();
      HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(operation + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(operation + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
