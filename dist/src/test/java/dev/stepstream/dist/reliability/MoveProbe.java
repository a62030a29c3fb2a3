package dev.stepstream.dist.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Asks the surviving instances about executions over and over while partitions move, and judges
 * every answer: right (checked against what the execution can be), an AWS-shaped retryable error
 * (ServiceUnavailable 503, ThrottlingException), or a violation (no answer in time, a 500 or any
 * other error, a stack trace, a wrong answer). Histories it saw are kept to be compared with the
 * committed histories once everything finished.
 */
final class MoveProbe implements AutoCloseable {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Longer than this is a hang, as the test counts it: routing gives up on an owner within a few seconds. */
  private static final Duration SLOW = Duration.ofSeconds(10);
  private static final Pattern STACK_TRACE = Pattern.compile("\\bat [a-z]+\\.[\\w.$]+\\(|Exception:|\\.java:\\d+");

  private final List<SignedApi> survivors;
  private final List<String> arns;
  private final Set<String> allArns;
  private final String stateMachineArn;
  private final JsonNode expectedOutput;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<SeenHistory> histories = new CopyOnWriteArrayList<>();
  private long slowestMillis;
  private String slowest = "none";
  private final Thread thread;

  /** A history page as one survivor answered it during the move: event id to type, from id 1. */
  record SeenHistory(String arn, int port, List<String> types) {}

  /**
   * @param arns asked about in turn (those of the killed instance first)
   * @param allArns every execution of the state machine, for ListExecutions
   */
  MoveProbe(List<SignedApi> survivors, List<String> arns, Set<String> allArns, String stateMachineArn,
      JsonNode expectedOutput) {
    this.survivors = List.copyOf(survivors);
    this.arns = List.copyOf(arns);
    this.allArns = Set.copyOf(allArns);
    this.stateMachineArn = stateMachineArn;
    this.expectedOutput = expectedOutput;
    thread = new Thread(this::run, "move-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    for (long round = 0; running.get(); round++) {
      SignedApi api = survivors.get((int) (round % survivors.size()));
      String arn = arns.get((int) ((round / survivors.size()) % arns.size()));
      try {
        describe(api, arn);
        history(api, arn);
        if (round % 50 == 0) {
          list(api);
        }
      } catch (SignedApi.NoAnswerException e) {
        violations.add(e.getMessage());
      }
    }
  }

  private void describe(SignedApi api, String arn) {
    judge("DescribeExecution", api.call("DescribeExecution", JSON.objectNode().put("executionArn", arn)), body -> {
      String status = body.path("status").asText();
      if (!body.path("executionArn").asText().equals(arn) || !Set.of("RUNNING", "SUCCEEDED").contains(status)) {
        return "DescribeExecution of " + arn + ": " + body;
      }
      if (status.equals("SUCCEEDED") && !parse(body.path("output").asText()).equals(expectedOutput)) {
        return "DescribeExecution of " + arn + " succeeded with output " + body.path("output");
      }
      return null;
    });
  }

  private void history(SignedApi api, String arn) {
    ObjectNode request = JSON.objectNode().put("executionArn", arn).put("maxResults", 1000);
    judge("GetExecutionHistory", api.call("GetExecutionHistory", request), body -> {
      List<String> types = new ArrayList<>();
      for (JsonNode event : body.path("events")) {
        if (event.path("id").asLong() != types.size() + 1) {
          return "GetExecutionHistory of " + arn + ": ids not dense from 1: " + body;
        }
        types.add(event.path("type").asText());
      }
      if (types.isEmpty() || !types.get(0).equals("ExecutionStarted")) {
        return "GetExecutionHistory of " + arn + " does not begin with ExecutionStarted: " + body;
      }
      histories.add(new SeenHistory(arn, api.port(), types));
      return null;
    });
  }

  private void list(SignedApi api) {
    String token = null;
    int listed = 0;
    do {
      ObjectNode request = JSON.objectNode().put("stateMachineArn", stateMachineArn).put("maxResults", 1000);
      if (token != null) {
        request.put("nextToken", token);
      }
      SignedApi.Answer answer = api.call("ListExecutions", request);
      String[] next = {null};
      int[] count = {0};
      boolean ok = judge("ListExecutions", answer, body -> {
        for (JsonNode item : body.path("executions")) {
          count[0]++;
          if (!allArns.contains(item.path("executionArn").asText())
              || !Set.of("RUNNING", "SUCCEEDED").contains(item.path("status").asText())) {
            return "ListExecutions listed " + item;
          }
        }
        next[0] = body.path("nextToken").asText(null);
        return null;
      });
      if (!ok) {
        return;
      }
      listed += count[0];
      token = next[0];
    } while (token != null);
    if (listed != allArns.size()) {
      violations.add("ListExecutions on port " + api.port() + " listed " + listed + " of " + allArns.size());
    }
  }

  /** Counts the answer; true when it was a right 200. */
  private boolean judge(String operation, SignedApi.Answer answer, Function<JsonNode, String> check) {
    noteTime(operation, answer);
    if (answer.millis() > SLOW.toMillis()) {
      violations.add(operation + " took " + answer.millis() + " ms");
    }
    if (STACK_TRACE.matcher(answer.raw()).find()) {
      violations.add(operation + " answered with a stack trace: " + answer.raw());
      return false;
    }
    if (answer.ok()) {
      String wrong = answer.body() == null ? operation + " answered 200 without JSON" : check.apply(answer.body());
      if (wrong != null) {
        violations.add(wrong);
        return false;
      }
      count(operation + " 200");
      return true;
    }
    if (answer.retryable()) {
      count(operation + " " + answer.status() + " " + answer.errorType());
    } else {
      violations.add(operation + " answered " + answer.status() + ": " + answer.raw());
    }
    return false;
  }

  private synchronized void noteTime(String operation, SignedApi.Answer answer) {
    if (answer.millis() > slowestMillis) {
      slowestMillis = answer.millis();
      slowest = operation + " " + answer.status() + " in " + answer.millis() + " ms";
    }
  }

  private void count(String outcome) {
    outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
  }

  private static JsonNode parse(String text) {
    try {
      return WireJson.mapper().readTree(text);
    } catch (IOException e) {
      return JSON.textNode(text);
    }
  }

  Map<String, Long> outcomes() {
    Map<String, Long> copy = new TreeMap<>();
    outcomes.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  List<SeenHistory> histories() {
    return List.copyOf(histories);
  }

  /** The slowest answer: operation, status and time. */
  synchronized String slowest() {
    return slowest;
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(30_000);
  }
}
