package dev.stepstream.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepstream.server.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The deployment files' command lines, and what the real CLI makes of them. */
final class DeploymentArgs {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private DeploymentArgs() {}

  /** The Dockerfile's exec-form {@code prefix} instruction (ENTRYPOINT or CMD) as a list. */
  static List<String> dockerfile(String instruction) throws IOException {
    for (String line : Files.readAllLines(ROOT.resolve("Dockerfile"))) {
      if (line.startsWith(instruction + " [")) {
        return texts(new ObjectMapper().readTree(line.substring(instruction.length() + 1)));
      }
    }
    throw new AssertionError("the Dockerfile has no exec-form " + instruction);
  }

  /** The subcommand's parse of {@code args} by the launcher's own command line; fails on unknown options. */
  static ParseResult parse(List<String> args) {
    CommandLine cli = Main.commandLine();
    ParseResult root = cli.parseArgs(args.toArray(String[]::new));
    return root.subcommand();
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
