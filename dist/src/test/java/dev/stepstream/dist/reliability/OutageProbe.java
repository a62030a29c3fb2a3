package dev.stepstream.dist.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls the API in rounds while a fault lasts: in each round StartExecution (a new name),
 * DescribeExecution and ListExecutions at once, the next round when all three have answered.
 */
final class OutageProbe {
  private static final String START = "StartExecution";

  private final AwsJsonCalls api;
  private final String machine;
  private final String knownExecution;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<AwsJsonCalls.Answer> answers = new CopyOnWriteArrayList<>();
  private final List<String> startNames = new CopyOnWriteArrayList<>();
  private final ExecutorService calls = Executors.newFixedThreadPool(3);
  private final Thread thread;

  private OutageProbe(AwsJsonCalls api, String machine, String knownExecution) {
    this.api = api;
    this.machine = machine;
    this.knownExecution = knownExecution;
    this.thread = new Thread(this::run, "outage-probe");
  }

  static OutageProbe start(AwsJsonCalls api, String machine, String knownExecution) {
    OutageProbe probe = new OutageProbe(api, machine, knownExecution);
    probe.thread.start();
    return probe;
  }

  /** The body of the start named {@code name} (the same for its retries). */
  static ObjectNode startBody(String machine, String name) {
    return AwsJsonCalls.body().put("stateMachineArn", machine).put("name", name).put("input", "{\"steps\":0,\"wait\":1}");
  }

  /** Ends the rounds after the one under way and returns every answer. */
  List<AwsJsonCalls.Answer> stop() throws InterruptedException {
    running.set(false);
    thread.join(TimeUnit.MINUTES.toMillis(2));
    calls.shutdownNow();
    return List.copyOf(answers);
  }

  /** Executions whose StartExecution was accepted (in the order of the rounds). */
  List<String> startedArns() {
    return answers.stream().filter(a -> a.operation().equals(START) && a.ok())
        .map(a -> a.json().path("executionArn").asText()).toList();
  }

  /** The names of the starts that were refused, to be retried. */
  List<String> refusedStartNames() {
    List<String> refused = new ArrayList<>();
    List<AwsJsonCalls.Answer> starts = answers.stream().filter(a -> a.operation().equals(START)).toList();
    for (int i = 0; i < starts.size(); i++) {
      if (!starts.get(i).ok()) {
        refused.add(startNames.get(i));
      }
    }
    return refused;
  }

  private void run() {
    for (int round = 0; running.get(); round++) {
      String name = "during-" + round;
      CompletableFuture<AwsJsonCalls.Answer> start = call(START, startBody(machine, name));
      CompletableFuture<AwsJsonCalls.Answer> describe = call("DescribeExecution",
          AwsJsonCalls.body().put("executionArn", knownExecution));
      CompletableFuture<AwsJsonCalls.Answer> list = call("ListExecutions",
          AwsJsonCalls.body().put("stateMachineArn", machine).put("maxResults", 10));
      // Names and start answers are appended together, in round order, so refusedStartNames can pair them.
      startNames.add(name);
      answers.add(start.join());
      answers.add(describe.join());
      answers.add(list.join());
    }
  }

  private CompletableFuture<AwsJsonCalls.Answer> call(String operation, ObjectNode body) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return api.call(operation, body);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }, calls);
  }
}
