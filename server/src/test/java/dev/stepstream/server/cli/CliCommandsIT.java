package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.server.api.ApiServer;
import dev.stepstream.server.api.ApiSettings;
import dev.stepstream.server.api.backend.ProcessorQueries;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TopicCatalogue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** The API-calling CLI commands against a running API + processor. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliCommandsIT {
  private StepstreamProcessor processor;
  private ApiServer api;
  private String endpoint;
  private Path dir;
  private TopicCatalogue topics;

  @BeforeAll
  void start(KafkaCluster kafka) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    topics = TopicCatalogue.load("cli-" + id + ".");
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 2, (short) 1)) {
      provisioner.ensureCatalogueTopics();
    }
    dir = Files.createTempDirectory("stepstream-cli-it");
    processor = StepstreamProcessor.start(new ProcessorConfig(kafka.bootstrapServers(), "cli-it-" + id, topics,
        dir.resolve("state"), Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of()), EngineOptions.defaults(),
        Duration.ofSeconds(60));
    api = ApiServer.start(ApiSettings.defaults(kafka.bootstrapServers(), topics).withPort(0),
        new ProcessorQueries(processor), processor.metrics());
    endpoint = "http://127.0.0.1:" + api.port();
  }

  @AfterAll
  void stop() {
    api.close();
    processor.close();
  }

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] withEndpoint = new String[args.length + 2];
    System.arraycopy(args, 0, withEndpoint, 0, args.length);
    withEndpoint[args.length] = "--endpoint";
    withEndpoint[args.length + 1] = endpoint;
    int code = cli.execute(withEndpoint);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void shouldCreateStartAndFollowAnExecutionThenShowItsHistory() throws Exception {
    String name = "hello-" + UUID.randomUUID().toString().substring(0, 8);
    Path definition = Files.writeString(dir.resolve(name + ".json"), """
        {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass",
          "Parameters": {"msg.$": "States.Format('hi {}', $.who)"}, "End": true}}}
        """);

    String[] created = run("create", name, "--definition", definition.toString());
    assertThat(created[0]).as(created[2]).isEqualTo("0");
    String machine = created[1].trim();
    assertThat(machine).endsWith(":stateMachine:" + name);

    String[] started = run("start", name, "--name", "r1", "--input", "{\"who\": \"kafka\"}", "--wait");
    assertThat(started[0]).as(started[2]).isEqualTo("0");
    assertThat(started[1].trim()).isEqualTo("{\"msg\":\"hi kafka\"}");

    String execution = machine.replace(":stateMachine:", ":execution:") + ":r1";
    assertThat(run("history", execution)[1]).contains("ExecutionStarted").contains("PassStateEntered")
        .contains("Greet").contains("ExecutionSucceeded");
    assertThat(run("list")[1]).contains(name).contains("STANDARD");
    // Listing reads the compacted executions topic, which shows an execution once the processor commits.
    String listed = Eventually.await(Duration.ofSeconds(10), () -> {
      String out = run("list", name)[1];
      assertThat(out).as("listed executions").contains("r1");
      return out;
    });
    assertThat(listed).contains("SUCCEEDED");
    assertThat(run("describe", execution)[1]).contains("status").contains("SUCCEEDED");
    assertThat(run("describe", "--json", name)[1]).contains("\"definition\"");
    assertThat(run("delete", name)[0]).isEqualTo("0");
  }

  @Test
  void shouldSayWhenNoWorkerReadsTheTaskTopicTheExecutionWaitsOn() throws Exception {
    String name = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    Path definition = Files.writeString(dir.resolve(name + ".json"), """
        {"StartAt": "Shout", "States": {"Shout": {"Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Shout", "TimeoutSeconds": 8, "End": true}}}
        """);
    assertThat(run("create", name, "--definition", definition.toString())[0]).isEqualTo("0");

    String[] started = run("start", name, "--wait", "--timeout", "PT30S");

    assertThat(started[0]).as("the task times out").isEqualTo("1");
    assertThat(started[1]).contains("States.Timeout");
    assertThat(started[2]).contains("no worker reads " + topics.taskTopic("Shout") + System.lineSeparator());
    assertThat(started[2].split("no worker reads", -1)).as("said once").hasSize(2);
  }

  @Test
  void shouldPrintTheAwsErrorAndExitNonZero() {
    String[] result = run("describe", "does-not-exist");
    assertThat(result[0]).isEqualTo("1");
    assertThat(result[2]).contains("StateMachineDoesNotExist");
    String[] badToken = run("send-task-success", "nonsense", "--output", "{}");
    assertThat(badToken[2]).contains("InvalidToken");
  }
}
