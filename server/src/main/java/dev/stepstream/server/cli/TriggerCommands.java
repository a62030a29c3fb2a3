package dev.stepstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stepstream triggers create|list|describe|pause|resume|delete}, over REST {@code /api/triggers}. */
@Command(name = "triggers", description = "Start executions from the records of a Kafka topic.",
    mixinStandardHelpOptions = true,
    subcommands = {TriggerCommands.Create.class, TriggerCommands.ListCommand.class, TriggerCommands.Describe.class,
        TriggerCommands.Pause.class, TriggerCommands.Resume.class, TriggerCommands.Delete.class})
final class TriggerCommands implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** One REST call; an error answer throws {@link ApiClient.ApiError}, which the CLI prints plainly. */
  static JsonNode rest(ApiOptions api, String method, String path, JsonNode body) {
    return api.client().rest(method, path, body);
  }

  static String path(String name) {
    return "/api/triggers/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  static void printTrigger(PrintWriter w, JsonNode t) {
    w.println("name:          " + t.path("name").asText());
    w.println("arn:           " + t.path("triggerArn").asText());
    w.println("state:         " + t.path("state").asText());
    w.println("source topic:  " + t.path("sourceTopic").asText());
    w.println("target:        " + t.path("target").asText());
    w.println("filter:        " + (t.has("filter") ? AwsJson.write(t.get("filter")) : "-"));
    w.println("transform:     " + t.path("inputTransform").asText("-"));
    w.println("name template: " + t.path("nameTemplate").asText());
    w.println("starting at:   " + t.path("startingPosition").asText()
        + (t.has("startingTimestamp") ? " " + ApiOptions.time(t.get("startingTimestamp")) : ""));
    w.println("concurrency:   " + (t.has("maxConcurrency") ? "at most " + t.get("maxConcurrency").asInt() + " running"
        : "no limit"));
    JsonNode m = t.path("metrics");
    if (!m.isMissingNode()) {
      w.println("read/matched/started/dead-lettered/lag (this instance): " + m.path("recordsRead").asLong() + "/"
          + m.path("recordsMatched").asLong() + "/" + m.path("executionsStarted").asLong() + "/"
          + m.path("recordsDeadLettered").asLong() + "/" + m.path("lag").asLong());
      if (m.has("executionsRunning")) {
        w.println("running:       " + m.path("executionsRunning").asLong()
            + (m.path("heldAtLimit").asBoolean() ? " (at the limit: records wait)" : ""));
      }
    }
  }

  @Command(name = "create", description = "Create a trigger: each matching record of TOPIC starts TARGET.",
      mixinStandardHelpOptions = true)
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Option(names = "--topic", required = true, description = "The source topic.") String topic;
    @Option(names = "--target", required = true, paramLabel = "ARN|NAME",
        description = "A state machine, version or alias ARN (or a state machine name).") String target;
    @Option(names = "--filter", paramLabel = "JSON|@FILE", description = "An EventBridge event pattern.") String filter;
    @Option(names = "--transform", paramLabel = "JSONATA|@FILE",
        description = "A JSONata expression over $record; default: the record's value.") String transform;
    @Option(names = "--name-template", description = "Default: {topic}-{partition}-{offset}.") String nameTemplate;
    @Option(names = "--start", defaultValue = "latest", paramLabel = "latest|earliest|ISO-8601",
        description = "Where to start reading (default: ${DEFAULT-VALUE}).") String start;
    @Option(names = "--max-concurrency", paramLabel = "N",
        description = "At most N of the trigger's executions running at once; further records wait (default: no limit).")
    Integer maxConcurrency;

    @Override
    public Integer call() {
      ObjectNode body = AwsJson.object().put("name", name).put("sourceTopic", topic)
          .put("target", MachineCommands.machineArn(target));
      if (filter != null) {
        body.set("filter", AwsJson.parse(ApiOptions.textOrFile(filter))
            .orElseThrow(() -> new IllegalArgumentException("--filter is not JSON")));
      }
      if (transform != null) {
        body.put("inputTransform", ApiOptions.textOrFile(transform));
      }
      if (nameTemplate != null) {
        body.put("nameTemplate", nameTemplate);
      }
      if (maxConcurrency != null) {
        body.put("maxConcurrency", maxConcurrency);
      }
      switch (start.toLowerCase()) {
        case "latest" -> body.put("startingPosition", "LATEST");
        case "earliest" -> body.put("startingPosition", "EARLIEST");
        default -> body.put("startingPosition", "AT_TIMESTAMP").put("startingTimestamp", timestamp(start));
      }
      JsonNode out = rest(api, "POST", "/api/triggers", body);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println(out.path("triggerArn").asText()));
      return 0;
    }

    private static long timestamp(String text) {
      try {
        return Instant.parse(text).toEpochMilli();
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("--start must be latest, earliest or an ISO-8601 instant such as "
            + "2026-12-24T18:00:00Z, not '" + text + "'", e);
      }
    }
  }

  @Command(name = "list", description = "List the triggers.", mixinStandardHelpOptions = true)
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Override
    public Integer call() {
      JsonNode out = rest(api, "GET", "/api/triggers", null);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> {
        Table table = new Table("NAME", "STATE", "SOURCE TOPIC", "TARGET", "STARTED", "DEAD-LETTERED", "LAG");
        out.path("triggers").forEach(t -> table.row(t.path("name").asText(), t.path("state").asText(),
            t.path("sourceTopic").asText(), t.path("target").asText(), counter(t, "executionsStarted"),
            counter(t, "recordsDeadLettered"), counter(t, "lag")));
        table.print(w);
      });
      return 0;
    }
  }

  /** One of this instance's counters of a trigger, or "-" when the trigger did not run here. */
  static String counter(JsonNode trigger, String name) {
    JsonNode value = trigger.path("metrics").path(name);
    return value.isMissingNode() ? "-" : value.asText();
  }

  @Command(name = "describe", description = "Show a trigger and this instance's counters.",
      mixinStandardHelpOptions = true)
  static final class Describe implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      JsonNode out = rest(api, "GET", path(name), null);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> printTrigger(w, out));
      return 0;
    }
  }

  @Command(name = "pause", description = "Stop reading; the trigger keeps its offsets.", mixinStandardHelpOptions = true)
  static final class Pause implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      JsonNode out = rest(api, "POST", path(name) + "/pause", null);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println(out.path("name").asText() + " " + out.path("state").asText()));
      return 0;
    }
  }

  @Command(name = "resume", description = "Read again from where the trigger stopped.", mixinStandardHelpOptions = true)
  static final class Resume implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      JsonNode out = rest(api, "POST", path(name) + "/resume", null);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println(out.path("name").asText() + " " + out.path("state").asText()));
      return 0;
    }
  }

  @Command(name = "delete", description = "Delete a trigger.", mixinStandardHelpOptions = true)
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      JsonNode out = rest(api, "DELETE", path(name), null);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println("deleted " + name));
      return 0;
    }
  }
}
