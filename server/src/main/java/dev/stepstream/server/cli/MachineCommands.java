package dev.stepstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.backend.Arns;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** create, update, delete, list and describe: state machines (and executions for describe/list). */
final class MachineCommands {
  private MachineCommands() {}

  /** A state machine ARN, or a plain name taken as one in the default region and account. */
  static String machineArn(String arnOrName) {
    return arnOrName.startsWith("arn:") ? arnOrName : Arns.defaults().stateMachine(arnOrName);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Command(name = "create", description = "Create a state machine from an ASL file.", mixinStandardHelpOptions = true)
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Option(names = "--definition", required = true, paramLabel = "FILE") Path definition;
    @Option(names = "--type", defaultValue = "STANDARD", description = "STANDARD or EXPRESS.") String type;
    @Option(names = "--role", defaultValue = ApiOptions.DEFAULT_ROLE, paramLabel = "ARN") String role;

    @Override
    public Integer call() {
      ObjectNode request = AwsJson.object().put("name", name).put("definition", read(definition))
          .put("roleArn", role).put("type", type);
      JsonNode out = api.client().call("CreateStateMachine", request);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println(out.path("stateMachineArn").asText()));
      return 0;
    }
  }

  @Command(name = "update", description = "Replace a state machine's definition.", mixinStandardHelpOptions = true)
  static final class Update implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "ARN|NAME") String machine;
    @Option(names = "--definition", required = true, paramLabel = "FILE") Path definition;

    @Override
    public Integer call() {
      ObjectNode request = AwsJson.object().put("stateMachineArn", machineArn(machine)).put("definition", read(definition));
      JsonNode out = api.client().call("UpdateStateMachine", request);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println("updated, revision " + out.path("revisionId").asText()));
      return 0;
    }
  }

  @Command(name = "delete", description = "Delete a state machine.", mixinStandardHelpOptions = true)
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "ARN|NAME") String machine;

    @Override
    public Integer call() {
      JsonNode out = api.client().call("DeleteStateMachine", AwsJson.object().put("stateMachineArn", machineArn(machine)));
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println("deleted " + machineArn(machine)));
      return 0;
    }
  }

  @Command(name = "list", description = "List state machines, or the executions of one state machine.",
      mixinStandardHelpOptions = true)
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", arity = "0..1", paramLabel = "ARN|NAME",
        description = "List this state machine's executions.") String machine;
    @Option(names = "--status", description = "Only executions with this status.") String status;

    @Override
    public Integer call() {
      PrintWriter w = spec.commandLine().getOut();
      if (machine == null) {
        JsonNode out = api.client().call("ListStateMachines", AwsJson.object().put("maxResults", 1000));
        Table t = new Table("NAME", "TYPE", "CREATED", "ARN");
        out.path("stateMachines").forEach(m -> t.row(m.path("name").asText(), m.path("type").asText(),
            ApiOptions.time(m.get("creationDate")), m.path("stateMachineArn").asText()));
        api.print(w, out, () -> t.print(w));
        return 0;
      }
      ObjectNode request = AwsJson.object().put("stateMachineArn", machineArn(machine)).put("maxResults", 1000);
      if (status != null) {
        request.put("statusFilter", status);
      }
      JsonNode out = api.client().call("ListExecutions", request);
      Table t = new Table("NAME", "STATUS", "STARTED", "STOPPED", "ARN");
      out.path("executions").forEach(e -> t.row(e.path("name").asText(), e.path("status").asText(),
          ApiOptions.time(e.get("startDate")), ApiOptions.time(e.get("stopDate")), e.path("executionArn").asText()));
      api.print(w, out, () -> t.print(w));
      return 0;
    }
  }

  @Command(name = "describe", description = "Describe a state machine or an execution.", mixinStandardHelpOptions = true)
  static final class Describe implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "ARN|NAME") String arn;

    @Override
    public Integer call() {
      boolean execution = arn.contains(":execution:") || arn.contains(":express:");
      JsonNode out = execution
          ? api.client().call("DescribeExecution", AwsJson.object().put("executionArn", arn))
          : api.client().call("DescribeStateMachine", AwsJson.object().put("stateMachineArn", machineArn(arn)));
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> {
        Table t = new Table("FIELD", "VALUE");
        out.fields().forEachRemaining(f -> {
          if (!f.getValue().isContainerNode()) {
            boolean date = f.getKey().endsWith("Date");
            t.row(f.getKey(), date ? ApiOptions.time(f.getValue()) : f.getValue().asText());
          }
        });
        t.print(w);
      });
      return 0;
    }
  }
}
