package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TriggerCommandsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void shouldListTheTriggerSubcommandsInItsHelp() {
    int code = run("triggers", "--help");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("create", "list", "describe", "pause", "resume", "delete");
  }

  @Test
  void shouldRequireASourceTopicAndATarget() {
    int code = run("triggers", "create", "t1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required options").contains("--topic").contains("--target");
  }

  @Test
  void shouldRefuseAStartingPositionThatIsNeitherAKeywordNorAnInstant() {
    int code = run("triggers", "create", "t1", "--topic", "orders", "--target", "Orders", "--start", "yesterday",
        "--endpoint", "http://127.0.0.1:9");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("--start must be latest, earliest or an ISO-8601 instant such as "
        + "2026-12-24T18:00:00Z, not 'yesterday'");
  }

  @Test
  void shouldSayWhenTheApiCannotBeReached() {
    int code = run("triggers", "list", "--endpoint", "http://127.0.0.1:9");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach the Stepstream API at http://127.0.0.1:9");
  }

  @Test
  void shouldOfferAProducerForTheTour() {
    int code = run("produce", "--help");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("--topic").contains("--bootstrap-servers");
  }
}
