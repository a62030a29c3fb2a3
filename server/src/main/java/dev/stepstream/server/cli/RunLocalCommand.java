package dev.stepstream.server.cli;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.local.InvalidMocksException;
import dev.stepstream.engine.local.LocalRunner;
import dev.stepstream.engine.local.Mocks;
import dev.stepstream.processor.integrations.LocalMapRunIntegrations;
import dev.stepstream.processor.integrations.MapRunSettings;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "run-local",
    description = {
        "Run a state machine definition to completion in this process, without Kafka.",
        "Task states answer from a Step Functions Local mock file; waits and timeouts pass in virtual time.",
        "Prints one JSON line {\"status\",\"output\",\"error\",\"cause\"}; the status is data, the exit code is 0.",
        "REJECTED means the API would refuse the definition (InvalidDefinition) or the input (InvalidExecutionInput).",
        "With --batch, reads JSON Lines {\"id\",\"definition\",\"input\"[,\"testCase\"][,\"type\"]} from stdin and",
        "prints one result line (with \"id\" first) per input line, in order.",
        "Distributed Map ItemReaders and ResultWriters read and write files under --object-store."},
    mixinStandardHelpOptions = true)
final class RunLocalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--definition", paramLabel = "FILE", description = "The state machine definition (ASL JSON).")
  Path definition;

  @Option(names = "--input", paramLabel = "JSON|@FILE", defaultValue = "{}",
      description = "The execution input as JSON text, or @FILE to read it from a file (default: ${DEFAULT-VALUE}).")
  String input;

  @Option(names = "--mocks", paramLabel = "FILE",
      description = "A mock configuration in the Step Functions Local format (MockConfigFile.json). Without"
          + " --test-case, a mocked response named like a Task state answers that state.")
  Path mocks;

  @Option(names = "--test-case", paramLabel = "NAME",
      description = "The test case of the mock file to use (the first state machine defining it).")
  String testCase;

  @Option(names = "--batch", description = "Read JSON Lines from stdin and print one result line per input line.")
  boolean batch;

  @Option(names = "--start-time", paramLabel = "INSTANT",
      description = "Start the virtual clock at this ISO-8601 instant (default: now), for reproducible runs.")
  String startTime;

  @Option(names = "--object-store", paramLabel = "DIR",
      defaultValue = "${sys:stepstream.integrations.objectStoreRoot:-stepstream-objects}",
      description = "The directory that stands for Amazon S3 for Distributed Map ItemReaders and ResultWriters:"
          + " bucket b, key k is the file DIR/b/k (default: ${DEFAULT-VALUE}, as the server's"
          + " stepstream.integrations.objectStoreRoot).")
  Path objectStore;

  private final InputStream stdin;

  RunLocalCommand() {
    this(System.in);
  }

  RunLocalCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    if (batch == (definition != null)) {
      throw usage("give either --definition FILE or --batch (with definitions on stdin)");
    }
    Mocks mockConfig = readMocks();
    if (testCase != null && !mockConfig.hasTestCase(testCase)) {
      throw usage("test case '" + testCase + "' is not defined in " + (mocks == null ? "the (absent) --mocks file" : mocks));
    }
    MapRunSettings mapRuns = MapRunSettings.fromProperties(System.getProperties());
    LocalRunner runner = new LocalRunner(EngineOptions.defaults(), mockConfig,
        new LocalMapRunIntegrations(new MapRunSettings(objectStore, mapRuns.maxItemBytes())), clock(),
        LocalRunner.DEFAULT_SEED);
    PrintWriter out = spec.commandLine().getOut();
    if (batch) {
      new RunLocalBatch(runner, testCase).run(stdin, out);
    } else {
      RunLocalRequest request = new RunLocalRequest(readText(definition, "--definition"), inputText(), testCase, "STANDARD");
      out.println(WireJson.mapper().writeValueAsString(request.resultLine(runner)));
    }
    out.flush();
    return 0;
  }

  private Mocks readMocks() {
    if (mocks == null) {
      return Mocks.none();
    }
    try {
      return Mocks.parse(readText(mocks, "--mocks"));
    } catch (InvalidMocksException e) {
      throw usage(mocks + ": " + String.join("; ", e.problems()));
    }
  }

  private String inputText() {
    if (batch || !input.startsWith("@")) {
      return input;
    }
    return readText(Path.of(input.substring(1)), "--input");
  }

  private Clock clock() {
    if (startTime == null) {
      return Clock.systemUTC();
    }
    try {
      return Clock.fixed(Instant.parse(startTime), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw usage("--start-time must be an ISO-8601 instant such as 2024-01-01T00:00:00Z but was '" + startTime + "'");
    }
  }

  private String readText(Path file, String option) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw usage("cannot read " + option + " file " + file + ": " + e);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
