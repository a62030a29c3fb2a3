package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScheduleCommandsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void shouldListTheScheduleSubcommandsInItsHelp() {
    int code = run("schedules", "--help");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("create", "list", "describe", "pause", "resume", "delete");
  }

  @Test
  void shouldRequireAnExpressionAndATarget() {
    int code = run("schedules", "create", "s1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required options").contains("--expression").contains("--target");
  }

  @Test
  void shouldRefuseAnUnknownMissedFiringPolicy() {
    int code = run("schedules", "create", "s1", "--expression", "rate(1 hour)", "--target", "Orders", "--missed", "all",
        "--endpoint", "http://127.0.0.1:9");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("--missed must be fire-latest or skip, not 'all'");
  }

  @Test
  void shouldSayWhenTheApiCannotBeReached() {
    int code = run("schedules", "list", "--endpoint", "http://127.0.0.1:9");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach the Stepstream API at http://127.0.0.1:9");
  }
}
