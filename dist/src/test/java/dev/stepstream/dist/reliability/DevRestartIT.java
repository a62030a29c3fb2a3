package dev.stepstream.dist.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.broker.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code dev} data directory through several runs, each ended by SIGTERM or kill -9 while
 * executions are in flight: every restart comes up, and every execution started in any run finishes
 * exactly once.
 */
class DevRestartIT {
  private static final Logger LOG = LoggerFactory.getLogger(DevRestartIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration READY = Duration.ofSeconds(180);
  /** Ended runs; CI runs three (SIGTERM, kill -9, kill -9 with seed 42), more by hand. */
  private static final int RUNS = Integer.getInteger("stepstream.it.devRestarts", 3);
  private static final String DEFINITION = """
      {"StartAt": "Receive", "States": {
        "Receive": {"Type": "Pass", "Result": "received", "ResultPath": "$.step", "Next": "Hold"},
        "Hold": {"Type": "Wait", "Seconds": 2, "Next": "Done"},
        "Done": {"Type": "Pass", "End": true}}}
      """;

  @TempDir Path dataDir;
  private final int kafkaPort = FreePorts.pick();
  private final int apiPort = FreePorts.pick();

  @AfterEach
  void stopLeftovers() throws Exception {
    DevProcess.stopLeftoverBroker(dataDir);
  }

  @Test
  void shouldComeBackAfterEveryKillAndFinishEveryExecutionExactlyOnce() throws Exception {
    Random random = new Random(42);
    List<String> started = new ArrayList<>();
    String machine = null;
    for (int run = 0; run < RUNS; run++) {
      // Seeded: the first run ends by SIGTERM, the second by kill -9, the rest by either.
      boolean killHard = run == 1 || run > 1 && random.nextBoolean();
      DevProcess dev = DevProcess.start(dataDir, kafkaPort, apiPort);
      Duration ready = dev.awaitReady(READY);
      LOG.info("run {}: dev ready in {} ms", run, ready.toMillis());
      if (machine == null) {
        machine = call("CreateStateMachine", JSON.createObjectNode().put("name", "restarts")
            .put("roleArn", "arn:aws:iam::123456789012:role/r").put("definition", DEFINITION))
            .path("stateMachineArn").asText();
      }
      for (int i = 0; i < 15; i++) {
        started.add(call("StartExecution", JSON.createObjectNode().put("stateMachineArn", machine)
            .put("name", "run" + run + "-" + i).put("input", "{\"n\":" + i + "}")).path("executionArn").asText());
      }
      Thread.sleep(random.nextInt(2_500));
      LOG.info("run {}: {} after {} executions started", run, killHard ? "kill -9" : "SIGTERM", started.size());
      if (killHard) {
        dev.kill();
      } else {
        dev.terminate();
      }
    }

    DevProcess last = DevProcess.start(dataDir, kafkaPort, apiPort);
    try {
      last.awaitReady(READY);
      for (String arn : started) {
        assertFinishedExactlyOnce(arn);
      }
    } finally {
      last.terminate();
    }
  }

  private void assertFinishedExactlyOnce(String executionArn) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode execution = describe(executionArn);
    while (execution.path("status").asText().equals("RUNNING") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      execution = describe(executionArn);
    }
    assertThat(execution.path("status").asText()).as(executionArn).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(execution.path("output").asText()).path("step").asText()).isEqualTo("received");
    JsonNode events = call("GetExecutionHistory", JSON.createObjectNode().put("executionArn", executionArn)
        .put("maxResults", 1000)).path("events");
    List<String> types = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    events.forEach(e -> {
      types.add(e.path("type").asText());
      ids.add(e.path("id").asLong());
    });
    assertThat(types).as(executionArn).filteredOn("ExecutionStarted"::equals).hasSize(1);
    assertThat(types).as(executionArn).filteredOn("ExecutionSucceeded"::equals).hasSize(1);
    assertThat(types).as(executionArn).filteredOn("WaitStateEntered"::equals).hasSize(1);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(ids.get(i)).as(executionArn + " event ids").isEqualTo(i + 1L);
    }
  }

  private JsonNode describe(String executionArn) throws Exception {
    return call("DescribeExecution", JSON.createObjectNode().put("executionArn", executionArn));
  }

  private JsonNode call(String operation, ObjectNode body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/"))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(operation + " " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
