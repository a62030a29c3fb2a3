package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
  void shouldDescribeTheConcurrencyLimitAndTheRunningCount() throws Exception {
    ObjectNode trigger = (ObjectNode) new ObjectMapper().readTree("""
        {"name": "paid", "triggerArn": "arn:aws:states:us-east-1:123456789012:trigger:paid", "state": "ACTIVE",
         "sourceTopic": "orders", "target": "arn:aws:states:us-east-1:123456789012:stateMachine:Orders",
         "nameTemplate": "{topic}-{partition}-{offset}", "startingPosition": "LATEST", "maxConcurrency": 2,
         "metrics": {"recordsRead": 9, "recordsMatched": 5, "executionsStarted": 2, "recordsDeadLettered": 1,
                     "lag": 4, "executionsRunning": 2, "heldAtLimit": true}}
        """);

    TriggerCommands.printTrigger(new PrintWriter(out, true), trigger);

    assertThat(out.toString()).contains("concurrency:   at most 2 running")
        .contains("read/matched/started/dead-lettered/lag (this instance): 9/5/2/1/4")
        .contains("running:       2 (at the limit: records wait)");
    assertThat(TriggerCommands.counter(trigger, "lag")).isEqualTo("4");
    trigger.remove("metrics");
    assertThat(TriggerCommands.counter(trigger, "lag")).isEqualTo("-");
  }

  @Test
  void shouldOfferAProducerForTheTour() {
    int code = run("produce", "--help");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("--topic").contains("--bootstrap-servers");
  }
}
