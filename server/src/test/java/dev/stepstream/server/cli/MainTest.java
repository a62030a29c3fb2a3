package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void shouldRejectAnUnknownFlagNamingIt() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("dev", "--bogus");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--bogus'");
  }

  @Test
  void shouldRejectAPartitionCountThatIsNotANumber() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("dev", "--partitions", "many");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--partitions").contains("many");
  }

  @Test
  void shouldListTheDevCommandInTheHelp() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));

    int code = cli.execute("--help");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("dev").contains("Usage: stepstream");
  }

  @Test
  void shouldRequireATaskAndACommandForTheWorker() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("worker", "--", "python3", "worker.py");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--task=NAME'");
  }

  @Test
  void shouldRequireTheCommandToRunForTheWorker() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("worker", "--task", "ProcessarImagem");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("COMMAND");
  }

  @Test
  void shouldHaveNoBenchWithoutAContribution() {
    // The server's own class path contributes nothing; the launcher jar (dist) adds bench.
    assertThat(Main.commandLine().getSubcommands()).containsKeys("dev", "serve", "worker").doesNotContainKey("bench");
  }

  @Test
  void shouldListTheWorkerCommandInTheHelp() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("worker");
  }

  @Test
  void shouldRefuseAKafkaConfigFileThatDoesNotExistNamingIt() {
    for (String[] args : new String[][] {
        {"produce", "--kafka", "localhost:1", "--kafka-config", "missing-client.properties", "--topic", "t", "v"},
        {"worker", "--kafka", "localhost:1", "--kafka-config", "missing-client.properties", "--task", "T", "--", "cat"},
        {"serve", "--kafka", "localhost:1", "--kafka-config", "missing-client.properties"}}) {
      StringWriter err = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setErr(new PrintWriter(err));

      int code = cli.execute(args);

      assertThat(code).as(args[0]).isNotZero();
      assertThat(err.toString()).as(args[0])
          .contains("Kafka client config file missing-client.properties does not exist");
    }
  }

  @Test
  void shouldAcceptBootstrapServersAsAnAliasOfKafkaForTheWorker() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("worker", "--bootstrap-servers", "localhost:1", "--kafka-config", "missing-client.properties",
        "--task", "T", "--", "cat");

    assertThat(code).isNotZero();
    assertThat(err.toString()).doesNotContain("Unknown option").contains("missing-client.properties");
  }
}
