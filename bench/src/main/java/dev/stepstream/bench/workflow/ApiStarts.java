package dev.stepstream.bench.workflow;

import dev.stepstream.bench.harness.ThreadCpu;
import dev.stepstream.bench.harness.Window;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * W4 through the HTTP API: one thread POSTs StartExecution (AWS JSON 1.0) asynchronously over
 * {@link NioHttpClient} (keep-alive connections, one call at a time each), keeping up
 * to {@code concurrentRequests} calls outstanding and at most {@code inFlight} executions
 * unfinished; counts executions finished. A failed call is counted as an error; it frees its
 * execution's slot only when the API rejected it (4xx), since after a timeout or a 5xx the execution
 * may still run and free the slot when it finishes (freeing it twice would let the backlog grow).
 * The outstanding calls ramp up over the first two seconds, so a cold API is not hit by all at once.
 */
final class ApiStarts {
  private static final Duration DRAIN = Duration.ofSeconds(30);
  private static final int RAMP_STEP = 100;
  private static final long RAMP_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final EngineRig rig;
  private final ExecutionApi api;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private NioHttpClient starts;
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong names = new AtomicLong();
  private volatile String lastError = "";

  ApiStarts(EngineRig rig, ExecutionApi api) {
    this.rig = rig;
    this.api = api;
  }

  Window.Split run(Window window, String label, int concurrentRequests, int inFlight) throws InterruptedException {
    String machineArn = createMachine();
    starts = openClient(concurrentRequests);
    Semaphore unfinished = new Semaphore(inFlight);
    Semaphore requests = new Semaphore(0);
    AtomicInteger granted = new AtomicInteger();
    long base = rig.finished();
    String prefix = "w4-" + System.nanoTime() + "-";
    rig.onFinished(arn -> {
      if (arn.contains(prefix)) {
        unfinished.release();
      }
    });
    AtomicBoolean stop = new AtomicBoolean();
    Thread starter = new Thread(() -> startUntilStopped(machineArn, prefix, unfinished,
        new Ramp(requests, granted, concurrentRequests), stop),
        "bench-w4-starter");
    starter.setDaemon(true);
    starter.start();
    try {
      return window.runSplit(label, "executions/s", () -> rig.finished() - base, new ThreadCpu(),
          rig::engineCpuNanos);
    } finally {
      stop.set(true);
      starter.join(10_000);
      requests.tryAcquire(granted.get(), DRAIN.toMillis(), TimeUnit.MILLISECONDS);
      rig.onFinished(arn -> { });
      starts.close();
    }
  }

  /** Grants permits to {@code requests} step by step until {@code max} are granted. */
  private static final class Ramp {
    final Semaphore requests;
    final AtomicInteger granted;
    final int max;
    long nextStepAt = System.nanoTime();

    Ramp(Semaphore requests, AtomicInteger granted, int max) {
      this.requests = requests;
      this.granted = granted;
      this.max = max;
    }

    void step() {
      if (granted.get() < max && System.nanoTime() >= nextStepAt) {
        int more = Math.min(RAMP_STEP, max - granted.get());
        granted.addAndGet(more);
        requests.release(more);
        nextStepAt += RAMP_INTERVAL_NANOS;
      }
    }
  }

  private void startUntilStopped(String machineArn, String prefix, Semaphore unfinished, Ramp ramp,
      AtomicBoolean stop) {
    Semaphore requests = ramp.requests;
    try {
      while (!stop.get()) {
        ramp.step();
        if (!unfinished.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        if (!requests.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          unfinished.release();
          continue;
        }
        startOne(machineArn, prefix + names.incrementAndGet()).whenComplete((outcome, error) -> {
          requests.release();
          if (outcome == Outcome.REJECTED) {
            unfinished.release();
          }
        });
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
        "definition", BenchDefinitions.passChain(1), "roleArn", "arn:aws:iam::" + EngineRig.ACCOUNT + ":role/bench"));
    try {
      return WireJson.mapper().readTree(body).path("stateMachineArn").asText();
    } catch (IOException e) {
      throw new IllegalStateException("CreateStateMachine answered " + body, e);
    }
  }

  /** What one StartExecution call tells about its execution: started, never started, or not known. */
  private enum Outcome { STARTED, REJECTED, UNKNOWN }

  /** Counts every outcome but STARTED as an error. */
  private CompletableFuture<Outcome> startOne(String machineArn, String name) {
    byte[] post = rawPost("StartExecution",
        Map.of("stateMachineArn", machineArn, "name", name, "input", "{\"order\":42}"));
    return starts.send(post).handle((response, error) -> {
      if (error != null) {
        return failed("StartExecution failed: " + error.getMessage(), Outcome.UNKNOWN);
      }
      if (response.status() != 200) {
        return failed("StartExecution answered " + response.status() + ": "
                + new String(response.body(), StandardCharsets.UTF_8),
            response.status() < 500 ? Outcome.REJECTED : Outcome.UNKNOWN);
      }
      return Outcome.STARTED;
    });
  }

  private NioHttpClient openClient(int connections) {
    URI endpoint = URI.create(api.endpoint());
    try {
      return new NioHttpClient(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), connections);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the HTTP client", e);
    }
  }

  /** The same AWS JSON 1.0 request as {@link #post}, as the bytes of an HTTP/1.1 message. */
  private byte[] rawPost(String operation, Map<String, String> request) {
    try {
      byte[] body = WireJson.mapper().writeValueAsBytes(request);
      URI endpoint = URI.create(api.endpoint());
      String head = "POST / HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
          + "\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: AWSStepFunctions." + operation
          + "\r\nContent-Length: " + body.length + "\r\n\r\n";
      byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
      byte[] message = Arrays.copyOf(headBytes, headBytes.length + body.length);
      System.arraycopy(body, 0, message, headBytes.length, body.length);
      return message;
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + operation, e);
    }
  }

  private Outcome failed(String message, Outcome outcome) {
    errors.incrementAndGet();
    lastError = message;
    return outcome;
  }

  private String call(String operation, Map<String, String> request) {
    try {
      HttpResponse<String> response = http.send(post(operation, request), HttpResponse.BodyHandlers.ofString());
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

  private HttpRequest post(String operation, Map<String, String> request) {
    try {
      return HttpRequest.newBuilder(URI.create(api.endpoint() + "/"))
          .header("Content-Type", "application/x-amz-json-1.0")
          .header("X-Amz-Target", "AWSStepFunctions." + operation)
          .timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.mapper().writeValueAsBytes(request)))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + operation, e);
    }
  }
}
