package dev.stepstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stepstream schedules create|list|describe|pause|resume|delete}, over REST {@code /api/schedules}. */
@Command(name = "schedules", description = "Start executions on a schedule (cron, rate or at, as EventBridge Scheduler).",
    mixinStandardHelpOptions = true,
    subcommands = {ScheduleCommands.Create.class, ScheduleCommands.ListCommand.class, ScheduleCommands.Describe.class,
        ScheduleCommands.Pause.class, ScheduleCommands.Resume.class, ScheduleCommands.Delete.class})
final class ScheduleCommands implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String path(String name) {
    return "/api/schedules/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  static void printSchedule(PrintWriter w, JsonNode s) {
    w.println("name:        " + s.path("Name").asText());
    w.println("arn:         " + s.path("Arn").asText());
    w.println("state:       " + s.path("State").asText());
    w.println("expression:  " + s.path("ScheduleExpression").asText() + " (" + s.path("ScheduleExpressionTimezone").asText()
        + ")");
    JsonNode window = s.path("FlexibleTimeWindow");
    w.println("window:      " + window.path("Mode").asText()
        + (window.has("MaximumWindowInMinutes") ? " " + window.get("MaximumWindowInMinutes").asInt() + " min" : ""));
    w.println("start/end:   " + ApiOptions.time(s.get("StartDate")) + " / " + ApiOptions.time(s.get("EndDate")));
    w.println("target:      " + s.path("Target").path("Arn").asText());
    w.println("input:       " + s.path("Target").path("Input").asText("-"));
    w.println("missed:      " + s.path("MissedFirings").asText());
    w.println("next fire:   " + ApiOptions.time(s.get("NextFireTime")));
  }

  @Command(name = "create", description = "Create a schedule that starts TARGET.", mixinStandardHelpOptions = true)
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Option(names = "--expression", required = true, paramLabel = "EXPR",
        description = "cron(0 12 * * ? *), rate(5 minutes) or at(2026-12-24T18:00:00).") String expression;
    @Option(names = "--target", required = true, paramLabel = "ARN|NAME",
        description = "A state machine, version or alias ARN (or a state machine name).") String target;
    @Option(names = "--timezone", paramLabel = "ZONE", description = "An IANA time zone (default: UTC).") String timezone;
    @Option(names = "--flexible-window", paramLabel = "MINUTES",
        description = "A flexible time window of 1-1440 minutes (default: off).") Integer window;
    @Option(names = "--start", paramLabel = "ISO-8601", description = "Nothing fires before this instant.") String start;
    @Option(names = "--end", paramLabel = "ISO-8601", description = "Nothing fires after this instant.") String end;
    @Option(names = "--input", paramLabel = "JSON|@FILE",
        description = "The execution input; <aws.scheduler.scheduled-time> and the other context attributes are "
            + "substituted (default: {}).") String input;
    @Option(names = "--missed", defaultValue = "fire-latest", paramLabel = "fire-latest|skip",
        description = "Firings missed during downtime: start once for the latest, or skip (default: ${DEFAULT-VALUE}).")
    String missed;
    @Option(names = "--disabled", description = "Create the schedule paused.") boolean disabled;

    @Override
    public Integer call() {
      ObjectNode body = AwsJson.object().put("Name", name).put("ScheduleExpression", expression);
      if (timezone != null) {
        body.put("ScheduleExpressionTimezone", timezone);
      }
      ObjectNode flexible = body.putObject("FlexibleTimeWindow").put("Mode", window == null ? "OFF" : "FLEXIBLE");
      if (window != null) {
        flexible.put("MaximumWindowInMinutes", window);
      }
      if (start != null) {
        body.put("StartDate", start);
      }
      if (end != null) {
        body.put("EndDate", end);
      }
      ObjectNode targetNode = body.putObject("Target").put("Arn", MachineCommands.machineArn(target));
      if (input != null) {
        targetNode.put("Input", ApiOptions.textOrFile(input));
      }
      body.put("State", disabled ? "DISABLED" : "ENABLED");
      body.put("MissedFirings", switch (missed.toLowerCase()) {
        case "fire-latest" -> "FIRE_LATEST";
        case "skip" -> "SKIP";
        default -> throw new IllegalArgumentException("--missed must be fire-latest or skip, not '" + missed + "'");
      });
      JsonNode out = TriggerCommands.rest(api, "POST", "/api/schedules", body);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println(out.path("Arn").asText()));
      return 0;
    }
  }

  @Command(name = "list", description = "List the schedules.", mixinStandardHelpOptions = true)
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Override
    public Integer call() {
      JsonNode out = TriggerCommands.rest(api, "GET", "/api/schedules", null);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> {
        Table table = new Table("NAME", "STATE", "EXPRESSION", "NEXT FIRE", "TARGET");
        out.path("Schedules").forEach(s -> table.row(s.path("Name").asText(), s.path("State").asText(),
            s.path("ScheduleExpression").asText(), ApiOptions.time(s.get("NextFireTime")),
            s.path("Target").path("Arn").asText()));
        table.print(w);
      });
      return 0;
    }
  }

  @Command(name = "describe", description = "Show a schedule and when it fires next.", mixinStandardHelpOptions = true)
  static final class Describe implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      JsonNode out = TriggerCommands.rest(api, "GET", path(name), null);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> printSchedule(w, out));
      return 0;
    }
  }

  @Command(name = "pause", description = "Stop firing (State DISABLED).", mixinStandardHelpOptions = true)
  static final class Pause implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      return setState(spec, api, name, "/pause");
    }
  }

  @Command(name = "resume", description = "Fire again from the next firing after now (State ENABLED).",
      mixinStandardHelpOptions = true)
  static final class Resume implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      return setState(spec, api, name, "/resume");
    }
  }

  private static int setState(CommandSpec spec, ApiOptions api, String name, String action) {
    JsonNode out = TriggerCommands.rest(api, "POST", path(name) + action, null);
    PrintWriter w = spec.commandLine().getOut();
    api.print(w, out, () -> w.println(out.path("Name").asText() + " " + out.path("State").asText()));
    return 0;
  }

  @Command(name = "delete", description = "Delete a schedule.", mixinStandardHelpOptions = true)
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      JsonNode out = TriggerCommands.rest(api, "DELETE", path(name), null);
      PrintWriter w = spec.commandLine().getOut();
      api.print(w, out, () -> w.println("deleted " + name));
      return 0;
    }
  }
}
