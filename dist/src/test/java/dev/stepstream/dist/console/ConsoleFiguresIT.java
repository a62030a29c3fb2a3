package dev.stepstream.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The figures of docs/performance.md ("Console"): with 10,000 executions stored, that the
 * executions list pages through every one exactly once, and how fast an execution page paints;
 * then how many open SSE consoles one instance holds ({@link SseLoad}). A benchmark, not a check
 * of every build: runs only with {@code -Dstepstream.figures=true}; prints its figures and writes
 * them to target/console-figures.txt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleFiguresIT extends ConsoleHarness {
  private static final int EXECUTIONS = 10_000;
  private final List<String> figures = new ArrayList<>();

  ConsoleFiguresIT() {
    super("consolefig.");
  }

  @Override
  boolean enabled() {
    return Boolean.getBoolean("stepstream.figures");
  }

  @Test
  @Order(1)
  void shouldPageTenThousandStoredExecutionsExactlyOnceAndPaintAnExecutionPage() throws Exception {
    createMachine("Tiny", """
        {"StartAt": "Step", "States": {"Step": {"Type": "Pass", "Next": "Done"}, "Done": {"Type": "Succeed"}}}""");
    long started = System.nanoTime();
    startMany("Tiny", "bulk-", EXECUTIONS);
    awaitSucceeded("Tiny", EXECUTIONS);
    figure("started and finished %,d executions in %d s", EXECUTIONS, (System.nanoTime() - started) / 1_000_000_000);

    assertThat(pageThroughConsole("bulk-")).hasSize(EXECUTIONS);
    assertThat(pageThroughListExecutions(MACHINE + "Tiny")).hasSize(EXECUTIONS);

    String arn = MACHINE.replace("stateMachine", "execution") + "Tiny:bulk-4242";
    List<Long> paints = new ArrayList<>();
    List<Long> ready = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      page.navigate(base + "/executions/" + encode(arn));
      page.waitForFunction("() => document.querySelector(\"[data-state-name='Done'][data-status='SUCCEEDED']\")"
          + " && document.querySelector(\"[data-timeline-state='Done']\")");
      paints.add(((Number) page.evaluate(
          "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1")).longValue());
      ready.add(((Number) page.evaluate("() => performance.now()")).longValue());
    }
    page.navigate(base + "/executions");
    page.waitForFunction("() => document.querySelectorAll('[data-execution-name]').length > 0");
    long listReady = ((Number) page.evaluate("() => performance.now()")).longValue();
    figure("execution page with %,d executions stored: first contentful paint %s ms, graph and timeline "
        + "with statuses %s ms after navigation starts (5 loads); /executions first page %d ms",
        EXECUTIONS, paints, ready, listReady);
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve("figures-execution-page.png")));
    Files.write(SHOTS.resolveSibling("console-figures.txt"), figures);
  }

  @Test
  @Order(2)
  void shouldHoldOpenSseConsolesWhileEventsStillArriveWithinASecond() throws Exception {
    createMachine("Ticker", """
        {"StartAt": "Ticks", "States": {"Ticks": {"Type": "Map", "ItemsPath": "$.ticks", "MaxConcurrency": 1, "End": true,
          "ItemProcessor": {"StartAt": "Tick", "States": {"Tick": {"Type": "Wait", "Seconds": 1, "End": true}}}}}}""");
    StringBuilder ticks = new StringBuilder("{\"ticks\": [0");
    for (int i = 1; i < 400; i++) {
      ticks.append(',').append(i);
    }
    String arn = startExecution("Ticker", "ticker", ticks.append("]}").toString());
    try (SseLoad load = new SseLoad(base + "/api/executions/" + encode(arn) + "/events")) {
      int within = 0;
      for (int target : new int[] {25, 50, 75, 100, 150, 200, 250, 300, 400, 600, 800, 1000}) {
        SseLoad.Step step = load.openUpTo(target, () -> describeMillis(arn));
        figure("%s", step);
        if (step.healthy()) {
          within = target;
        }
        if (!step.serving()) {
          break;
        }
      }
      figure("events reached every open console within 1 s (p99) up to %d consoles", within);
    }
    Files.write(SHOTS.resolveSibling("console-figures.txt"), figures);
  }

  private void figure(String format, Object... args) {
    String line = String.format(format, args);
    System.out.println("ConsoleFiguresIT: " + line);
    figures.add(line);
  }

  private void startMany(String machine, String prefix, int count) throws Exception {
    Semaphore inFlight = new Semaphore(32);
    List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      String body = JSON.createObjectNode().put("stateMachineArn", MACHINE + machine).put("name", prefix + i)
          .put("input", "{\"i\": " + i + "}").toString();
      all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/"))
              .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
              .header("Content-Type", "application/x-amz-json-1.0")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
          .whenComplete((r, e) -> inFlight.release()));
    }
    for (CompletableFuture<HttpResponse<String>> f : all) {
      assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(200);
    }
  }

  private void awaitSucceeded(String machine, int count) throws Exception {
    for (int i = 0; i < 1_200; i++) {
      JsonNode counts = JSON.readTree(get("/api/execution-counts")).path("counts").path(MACHINE + machine);
      if (counts.path("SUCCEEDED").asInt() >= count) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the executions of " + machine + " did not all succeed");
  }

  /** Names seen paging GET /api/executions (the console's list) 1,000 at a time; fails on a repeat. */
  private Set<String> pageThroughConsole(String namePrefix) throws Exception {
    Set<String> names = new HashSet<>();
    String token = null;
    do {
      String query = "/api/executions?maxResults=1000&namePrefix=" + namePrefix
          + (token == null ? "" : "&nextToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      JsonNode page = JSON.readTree(get(query));
      page.get("executions").forEach(e -> assertThat(names.add(e.get("name").asText())).as("seen once").isTrue());
      token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
    } while (token != null);
    return names;
  }

  /** Names seen paging the AWS ListExecutions of a state machine 1,000 at a time; fails on a repeat. */
  private Set<String> pageThroughListExecutions(String machineArn) throws Exception {
    Set<String> names = new HashSet<>();
    String token = null;
    do {
      var request = JSON.createObjectNode().put("stateMachineArn", machineArn).put("maxResults", 1000);
      if (token != null) {
        request.put("nextToken", token);
      }
      JsonNode page = aws("ListExecutions", request);
      page.get("executions").forEach(e -> assertThat(names.add(e.get("name").asText())).as("seen once").isTrue());
      token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
    } while (token != null);
    return names;
  }

  /** How long a DescribeExecution takes while the consoles are open; -1 when it did not answer in 5 s. */
  private long describeMillis(String arn) {
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/"))
              .header("X-Amz-Target", "AWSStepFunctions.DescribeExecution")
              .header("Content-Type", "application/x-amz-json-1.0")
              .POST(HttpRequest.BodyPublishers.ofString("{\"executionArn\": \"" + arn + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString()).get(5, java.util.concurrent.TimeUnit.SECONDS);
      return response.statusCode() == 200 ? (System.nanoTime() - started) / 1_000_000 : -1;
    } catch (Exception e) {
      return -1;
    }
  }
}
