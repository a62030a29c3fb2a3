package dev.stepstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.AslOptions;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.ops.ValidateOps;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    description = {"Validate an ASL definition and print its diagnostics with JSON pointers.",
        "Runs offline (no server needed) unless --remote is given. Exit code 1 when the definition is invalid."},
    mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {
  static final int INVALID = 1;

  @Spec CommandSpec spec;
  @Mixin ApiOptions api;
  @Parameters(index = "0", paramLabel = "FILE") Path file;
  @Option(names = "--warnings", description = "Also print warnings.") boolean warnings;
  @Option(names = "--remote", description = "Ask the API (ValidateStateMachineDefinition) instead of validating here.")
  boolean remote;
  @Option(names = "--type", defaultValue = "STANDARD",
      description = "STANDARD (default) or EXPRESS: EXPRESS also refuses .sync, .waitForTaskToken and activities.")
  String type;

  @Override
  public Integer call() {
    String definition = MachineCommands.read(file);
    JsonNode result = remote
        ? api.client().call("ValidateStateMachineDefinition", AwsJson.object().put("definition", definition)
            .put("type", type).put("severity", warnings ? "WARNING" : "ERROR").put("maxResults", 100))
        : ValidateOps.response(Asl.compile(definition, AslOptions.defaults().withType(type)).diagnostics(), warnings, 1000);
    PrintWriter w = spec.commandLine().getOut();
    api.print(w, result, () -> {
      if (result.path("diagnostics").isEmpty()) {
        w.println(result.path("result").asText() + ": " + file);
        return;
      }
      Table t = new Table("SEVERITY", "CODE", "LOCATION", "MESSAGE");
      result.path("diagnostics").forEach(d -> t.row(d.path("severity").asText(), d.path("code").asText(),
          d.path("location").asText().isEmpty() ? "/" : d.path("location").asText(),
          d.path("message").asText().replace('\n', ' ')));
      t.print(w);
      w.println(result.path("result").asText() + ": " + file);
    });
    return "FAIL".equals(result.path("result").asText()) ? INVALID : 0;
  }
}
