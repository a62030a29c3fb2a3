package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.model.ChoiceState;
import dev.stepstream.asl.model.FailState;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.ParallelState;
import dev.stepstream.asl.model.PassState;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.SucceedState;
import dev.stepstream.asl.model.TaskState;
import dev.stepstream.asl.model.WaitState;

/** Builders for the AWS history event details objects (payloads as JSON strings, as AWS returns them). */
public final class History {
  private History() {}

  /** The event type prefix of a state: Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map. */
  public static String typeName(State state) {
    if (state instanceof PassState) {
      return "Pass";
    } else if (state instanceof TaskState) {
      return "Task";
    } else if (state instanceof ChoiceState) {
      return "Choice";
    } else if (state instanceof WaitState) {
      return "Wait";
    } else if (state instanceof SucceedState) {
      return "Succeed";
    } else if (state instanceof FailState) {
      return "Fail";
    } else if (state instanceof ParallelState) {
      return "Parallel";
    } else if (state instanceof MapState) {
      return "Map";
    }
    throw new IllegalArgumentException("Unknown state type " + state);
  }

  /** {@code <Type>StateEntered}, as a constant (this runs for every transition). */
  public static String enteredType(State state) {
    return switch (typeName(state)) {
      case "Pass" -> "PassStateEntered";
      case "Task" -> "TaskStateEntered";
      case "Choice" -> "ChoiceStateEntered";
      case "Wait" -> "WaitStateEntered";
      case "Succeed" -> "SucceedStateEntered";
      case "Fail" -> "FailStateEntered";
      case "Parallel" -> "ParallelStateEntered";
      default -> "MapStateEntered";
    };
  }

  /** {@code <Type>StateExited}, as a constant (Fail states never exit). */
  public static String exitedType(State state) {
    return switch (typeName(state)) {
      case "Pass" -> "PassStateExited";
      case "Task" -> "TaskStateExited";
      case "Choice" -> "ChoiceStateExited";
      case "Wait" -> "WaitStateExited";
      case "Succeed" -> "SucceedStateExited";
      case "Parallel" -> "ParallelStateExited";
      default -> "MapStateExited";
    };
  }

  public static ObjectNode payload(String field, JsonNode value) {
    ObjectNode details = Json.NODES.objectNode();
    putPayload(details, field, value);
    return details;
  }

  /** {@code field} as a JSON string plus {@code <field>Details: {truncated: false}}. */
  public static void putPayload(ObjectNode details, String field, JsonNode value) {
    details.put(field, Json.write(value));
    details.putObject(field + "Details").put("truncated", false);
  }

  /** StateEntered details with the input already serialised. */
  public static ObjectNode entered(String name, String inputJson) {
    ObjectNode d = Json.NODES.objectNode();
    d.put("name", name);
    d.put("input", inputJson);
    d.putObject("inputDetails").put("truncated", false);
    return d;
  }

  /** StateExited details with the output already serialised (the size check needs the text anyway). */
  public static ObjectNode exited(String name, String outputJson) {
    ObjectNode d = Json.NODES.objectNode();
    d.put("name", name);
    d.put("output", outputJson);
    d.putObject("outputDetails").put("truncated", false);
    return d;
  }

  public static ObjectNode errorCause(String error, String cause) {
    ObjectNode d = Json.NODES.objectNode();
    if (error != null) {
      d.put("error", error);
    }
    if (cause != null) {
      d.put("cause", cause);
    }
    return d;
  }

  public static ObjectNode mapIteration(String name, int index) {
    ObjectNode d = Json.NODES.objectNode();
    d.put("name", name);
    d.put("index", index);
    return d;
  }
}
