package dev.stepstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** send-task-success and send-task-failure: answer a waiting task by its token. */
final class TaskCommands {
  private TaskCommands() {}

  @Command(name = "send-task-success", description = "Complete a task with an output.", mixinStandardHelpOptions = true)
  static final class Success implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "TASK_TOKEN") String token;
    @Option(names = "--output", defaultValue = "{}", paramLabel = "JSON|@FILE") String output;

    @Override
    public Integer call() {
      ObjectNode request = AwsJson.object().put("taskToken", token).put("output", ApiOptions.textOrFile(output));
      JsonNode out = api.client().call("SendTaskSuccess", request);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println("sent"));
      return 0;
    }
  }

  @Command(name = "send-task-failure", description = "Fail a task with an error and a cause.", mixinStandardHelpOptions = true)
  static final class Failure implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "TASK_TOKEN") String token;
    @Option(names = "--error") String error;
    @Option(names = "--cause") String cause;

    @Override
    public Integer call() {
      ObjectNode request = AwsJson.object().put("taskToken", token);
      if (error != null) {
        request.put("error", error);
      }
      if (cause != null) {
        request.put("cause", cause);
      }
      JsonNode out = api.client().call("SendTaskFailure", request);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println("sent"));
      return 0;
    }
  }
}
