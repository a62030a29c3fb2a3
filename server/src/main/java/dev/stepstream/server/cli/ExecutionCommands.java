package dev.stepstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.wire.ExecutionStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** start, stop and history: executions. */
final class ExecutionCommands {
  private ExecutionCommands() {}

  @Command(name = "start", description = "Start an execution; with --wait, follow it and print its output.",
      mixinStandardHelpOptions = true)
  static final class Start implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "ARN|NAME") String machine;
    @Option(names = "--name", description = "The execution name (default: a UUID).") String name;
    @Option(names = "--input", defaultValue = "{}", paramLabel = "JSON|@FILE") String input;
    @Option(names = "--wait", description = "Wait until the execution ends; print its output (exit 1 unless it succeeded).")
    boolean await;
    @Option(names = "--timeout", defaultValue = "PT5M", description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
      ApiClient client = api.client();
      ObjectNode request = AwsJson.object().put("stateMachineArn", MachineCommands.machineArn(machine))
          .put("input", ApiOptions.textOrFile(input));
      if (name != null) {
        request.put("name", name);
      }
      JsonNode started = client.call("StartExecution", request);
      PrintWriter w = spec.commandLine().getOut();
      String arn = started.path("executionArn").asText();
      if (!await) {
        api.print(w, started, () -> w.println(arn));
        return 0;
      }
      JsonNode done = follow(client, arn);
      boolean succeeded = ExecutionStatus.SUCCEEDED.name().equals(done.path("status").asText());
      api.print(w, done, () -> {
        if (succeeded) {
          w.println(done.path("output").asText());
        } else {
          w.println(done.path("status").asText() + " " + done.path("error").asText("") + " "
              + done.path("cause").asText(""));
        }
      });
      return succeeded ? 0 : 1;
    }

    private JsonNode follow(ApiClient client, String arn) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      NobodyReads nobody = NobodyReads.over(api, spec.commandLine().getErr());
      JsonNode d = client.call("DescribeExecution", AwsJson.object().put("executionArn", arn));
      while (ExecutionStatus.RUNNING.name().equals(d.path("status").asText()) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        nobody.check(arn, System.nanoTime());
        d = client.call("DescribeExecution", AwsJson.object().put("executionArn", arn));
      }
      return d;
    }
  }

  @Command(name = "stop", description = "Stop (abort) a running execution.", mixinStandardHelpOptions = true)
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "EXECUTION_ARN") String arn;
    @Option(names = "--error") String error;
    @Option(names = "--cause") String cause;

    @Override
    public Integer call() {
      ObjectNode request = AwsJson.object().put("executionArn", arn);
      if (error != null) {
        request.put("error", error);
      }
      if (cause != null) {
        request.put("cause", cause);
      }
      JsonNode out = api.client().call("StopExecution", request);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println("stopped at " + ApiOptions.time(out.get("stopDate"))));
      return 0;
    }
  }

  @Command(name = "history", description = "Print an execution's history events.", mixinStandardHelpOptions = true)
  static final class History implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "EXECUTION_ARN") String arn;
    @Option(names = "--reverse", description = "Newest first.") boolean reverse;

    @Override
    public Integer call() {
      ApiClient client = api.client();
      ObjectNode request = AwsJson.object().put("executionArn", arn).put("reverseOrder", reverse).put("maxResults", 1000);
      ObjectNode all = AwsJson.object();
      var events = all.putArray("events");
      JsonNode page;
      do {
        page = client.call("GetExecutionHistory", request);
        page.path("events").forEach(events::add);
        request.put("nextToken", page.path("nextToken").asText());
      } while (page.hasNonNull("nextToken"));
      PrintWriter w = spec.commandLine().getOut();
      Table t = new Table("ID", "TIME", "TYPE", "STATE");
      events.forEach(e -> t.row(e.path("id").asText(), ApiOptions.time(e.get("timestamp")), e.path("type").asText(),
          stateName(e)));
      api.print(w, all, () -> t.print(w));
      return 0;
    }

    private static String stateName(JsonNode event) {
      JsonNode entered = event.path("stateEnteredEventDetails").path("name");
      JsonNode exited = event.path("stateExitedEventDetails").path("name");
      return entered.isTextual() ? entered.asText() : exited.isTextual() ? exited.asText() : "";
    }
  }
}
