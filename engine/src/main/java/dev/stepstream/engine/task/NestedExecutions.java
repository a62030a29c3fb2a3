package dev.stepstream.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.model.IntegrationPattern;
import dev.stepstream.asl.model.Resource;
import dev.stepstream.asl.model.ResourceKind;
import dev.stepstream.engine.runtime.ExecutionHeader;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ParentExecution;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireVersions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code arn:aws:states:::states:startExecution}: the child execution's name and ARN (the same in the
 * engine and the integration runner, so a retried start is idempotent and a stop reaches the child),
 * and the result a {@code .sync}/{@code .sync:2} child gives its parent's Task, in AWS's shapes.
 */
public final class NestedExecutions {
  /** The {@code service:api} of the Resource. */
  public static final String START_EXECUTION = "states:startExecution";

  private NestedExecutions() {}

  /** True for {@code states:startExecution} with any pattern. */
  public static boolean startsExecution(Resource resource) {
    return resource.kind() == ResourceKind.SERVICE_INTEGRATION && START_EXECUTION.equals(resource.shortName());
  }

  /** True for {@code .sync} and {@code .sync:2}: the Task ends when the child does. */
  public static boolean waitsForChild(Resource resource) {
    return startsExecution(resource) && resource.pattern() == IntegrationPattern.RUN_JOB;
  }

  /**
   * The child's name: the {@code Name} parameter, else a UUID derived from the task token, so that the
   * same attempt always names the same child (AWS generates a UUID when Name is absent).
   */
  public static String childName(JsonNode parameters, String taskToken) {
    JsonNode name = parameters.get("Name");
    if (name != null && name.isTextual() && !name.asText().isEmpty()) {
      return name.asText();
    }
    return UUID.nameUUIDFromBytes(("startExecution:" + taskToken).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * The child's execution ARN, {@code arn:<partition>:states:<region>:<account>:execution:<machine>:<name>},
   * from a state machine or version ARN in {@code StateMachineArn}; empty when that is not one.
   */
  public static Optional<String> childArn(JsonNode parameters, String taskToken) {
    JsonNode machine = parameters.get("StateMachineArn");
    if (machine == null || !machine.isTextual()) {
      return Optional.empty();
    }
    String[] parts = machine.asText().split(":", -1);
    boolean machineArn = (parts.length == 7 || parts.length == 8) && "arn".equals(parts[0])
        && "states".equals(parts[2]) && "stateMachine".equals(parts[5]) && !parts[6].isEmpty();
    if (!machineArn) {
      return Optional.empty();
    }
    return Optional.of(String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "execution", parts[6],
        childName(parameters, taskToken)));
  }

  /** StartExecution's answer as the Task's result: {@code {ExecutionArn, StartDate}} (epoch milliseconds). */
  public static ObjectNode started(String childArn, long startMillis) {
    ObjectNode out = Json.NODES.objectNode();
    out.put("ExecutionArn", childArn);
    out.put("StartDate", startMillis);
    return out;
  }

  /**
   * What a finished child whose parent waits ({@code .sync}, {@code .sync:2}) sends that parent's Task:
   * success with the DescribeExecution shape, or {@code States.TaskFailed} with that shape (holding the
   * child's Error and Cause) as the cause text. Empty when the child has no waiting parent.
   */
  public static Optional<TaskResult> parentResult(ExecutionHeader child) {
    ParentExecution parent = child.parent();
    if (parent == null || !parent.waits() || !child.status().finished()) {
      return Optional.empty();
    }
    ObjectNode described = described(child, parent.sync2());
    if (child.status() == ExecutionStatus.SUCCEEDED) {
      return Optional.of(new TaskSucceeded(WireVersions.CURRENT, parent.executionArn(), parent.taskToken(), described));
    }
    return Optional.of(new TaskFailed(WireVersions.CURRENT, parent.executionArn(), parent.taskToken(),
        "States.TaskFailed", Json.write(described)));
  }

  /**
   * DescribeExecution's fields in the Task's PascalCase, keys in the order AWS's recorded results show
   * them; {@code .sync:2} gives Input and Output as JSON, {@code .sync} as JSON text.
   */
  static ObjectNode described(ExecutionHeader child, boolean json) {
    ObjectNode d = Json.NODES.objectNode();
    if (child.status() != ExecutionStatus.SUCCEEDED) {
      if (child.cause() != null) {
        d.put("Cause", child.cause());
      }
      if (child.error() != null) {
        d.put("Error", child.error());
      }
    }
    d.put("ExecutionArn", child.executionArn());
    putJson(d, "Input", child.input(), json);
    d.putObject("InputDetails").put("Included", true);
    d.put("Name", child.name());
    if (child.status() == ExecutionStatus.SUCCEEDED) {
      putJson(d, "Output", child.output() == null ? Json.NODES.nullNode() : child.output(), json);
      d.putObject("OutputDetails").put("Included", true);
    }
    d.put("StartDate", child.startMillis());
    d.put("StateMachineArn", child.stateMachineArn());
    d.put("Status", child.status().name());
    d.put("StopDate", child.stopMillis());
    return d;
  }

  private static void putJson(ObjectNode d, String field, JsonNode value, boolean json) {
    if (json) {
      d.set(field, value);
    } else {
      d.put(field, Json.write(value));
    }
  }
}
