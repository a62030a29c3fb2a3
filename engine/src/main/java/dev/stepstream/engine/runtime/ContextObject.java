package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.model.TaskState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The context object ({@code $$}, {@code $states.context}): Execution, State, StateMachine and, where
 * they apply, Task and Map. Built per evaluation; the Execution/StateMachine part is shared per call.
 */
public final class ContextObject {
  /** ISO-8601 with milliseconds and Z, as AWS writes StartTime and EnteredTime. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ContextObject() {}

  public static String isoTime(long epochMillis) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1_000L),
        (int) Math.floorMod(epochMillis, 1_000L) * 1_000_000, ZoneOffset.UTC);
    if (t.getYear() < 1_000 || t.getYear() > 9_999) {
      return TIME.format(Instant.ofEpochMilli(epochMillis));
    }
    // by hand: the formatter cost more than the rest of the context object, which every Task step builds
    StringBuilder out = new StringBuilder(24).append(t.getYear()).append('-');
    twoDigits(out, t.getMonthValue()).append('-');
    twoDigits(out, t.getDayOfMonth()).append('T');
    twoDigits(out, t.getHour()).append(':');
    twoDigits(out, t.getMinute()).append(':');
    twoDigits(out, t.getSecond()).append('.');
    int millis = t.getNano() / 1_000_000;
    return out.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
        .append((char) ('0' + millis % 10)).append('Z').toString();
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  static JsonNode execution(Run run) {
    ObjectNode root = Json.NODES.objectNode();
    ObjectNode execution = root.putObject("Execution");
    execution.put("Id", run.header().executionArn());
    execution.set("Input", run.header().input());
    execution.put("Name", run.header().name());
    execution.put("RoleArn", run.definition().roleArn());
    execution.put("StartTime", isoTime(run.header().startMillis()));
    if (!"EXPRESS".equals(run.definition().type())) {
      // Express executions cannot be redriven; AWS's context for them has no RedriveCount.
      execution.put("RedriveCount", run.header().redriveCount());
    }
    ObjectNode machine = root.putObject("StateMachine");
    machine.put("Id", run.definition().arn());
    machine.put("Name", run.definition().name());
    return root;
  }

  /**
   * The context object for the frame's current state; {@code token} null outside tasks. Its fields
   * are built when first read, from values captured now.
   */
  public static ObjectNode of(Run run, Frame frame, String token) {
    JsonNode shared = run.executionContext();
    String name = frame.stateName();
    long enteredMillis = frame.enteredMillis();
    // AWS includes State.RetryCount only for Task states (LocalStack's AWS-validated snapshots:
    // context_object/test_context_object for a Pass state, test_state/test_state_context_object for a Task).
    Integer retryCount = run.state(frame) instanceof TaskState ? frame.retryCount() : null;
    return new ObjectNode(Json.NODES, new LazyFields(() -> {
      LinkedHashMap<String, JsonNode> ctx = new LinkedHashMap<>();
      ctx.put("Execution", shared.get("Execution"));
      ObjectNode state = Json.NODES.objectNode();
      state.put("EnteredTime", isoTime(enteredMillis));
      state.put("Name", name);
      if (retryCount != null) {
        state.put("RetryCount", retryCount);
      }
      ctx.put("State", state);
      ctx.put("StateMachine", shared.get("StateMachine"));
      if (token != null) {
        ctx.put("Task", Json.NODES.objectNode().put("Token", token));
      }
      return ctx;
    }));
  }

  /** Adds {@code Map.Item.Index/Value} (for ItemSelector). */
  public static ObjectNode withMapItem(ObjectNode ctx, int index, JsonNode value) {
    ObjectNode copy = Json.NODES.objectNode();
    copy.setAll(ctx);
    ObjectNode item = copy.putObject("Map").putObject("Item");
    item.put("Index", index);
    item.set("Value", value);
    return copy;
  }
}
