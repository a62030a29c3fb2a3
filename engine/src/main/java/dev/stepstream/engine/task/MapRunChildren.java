package dev.stepstream.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.ParallelState;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.StateGraph;
import dev.stepstream.asl.model.StateMachine;
import dev.stepstream.engine.Definition;
import dev.stepstream.engine.EngineContext;
import dev.stepstream.engine.runtime.ExecutionHeader;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ParentExecution;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireVersions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The child executions of a Distributed Map's Map Run, named as AWS names them: the Map Run
 * {@code arn:<p>:states:<r>:<a>:mapRun:<machine>/<label>:<id>} starts children
 * {@code arn:<p>:states:<r>:<a>:execution:<machine>/<label>:<uuid>} of the state machine
 * {@code arn:<p>:states:<r>:<a>:stateMachine:<machine>/<label>}. The child's name is a UUID derived from
 * the Map Run ARN and the item's index, so a start sent twice names the same execution (the second is
 * an ExecutionAlreadyExists no-op) and the parent can stop a child it never heard from.
 *
 * <p>The child runs the Map state's ItemProcessor. Its definition is derived, not stored: the child's
 * {@link ParentExecution} names the Map state and the parent's revision, and {@link #definition} builds
 * the ItemProcessor's StartAt/States (with the Map's QueryLanguage) from the parent's definition of
 * that revision. Nothing is written to the definitions topic, so a Map Run of 100,000 children adds no
 * records there, and a child always runs exactly the ItemProcessor its parent's revision holds.
 */
public final class MapRunChildren {
  private static final String TOKEN_PREFIX = "mapRunChild:";
  private static final String MAP_RUN = ":mapRun:";

  private MapRunChildren() {}

  /** The name of the child for item (or batch) {@code index}. */
  public static String childName(String mapRunArn, long index) {
    return UUID.nameUUIDFromBytes((mapRunArn + "#" + index).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The child's execution ARN. */
  public static String childArn(String mapRunArn, long index) {
    return base(mapRunArn).replace(MAP_RUN, ":execution:") + ":" + childName(mapRunArn, index);
  }

  /** The child's state machine ARN: {@code ...:stateMachine:<machine>/<label>}. */
  public static String childStateMachineArn(String mapRunArn) {
    return base(mapRunArn).replace(MAP_RUN, ":stateMachine:");
  }

  /**
   * The state machine whose definition an execution of {@code stateMachineArn} needs: for a Map Run's
   * child ({@code ...:stateMachine:<machine>/<label>}) its parent's machine, else the ARN itself.
   */
  public static String definingMachine(String stateMachineArn) {
    int slash = stateMachineArn.indexOf('/');
    return slash < 0 ? stateMachineArn : stateMachineArn.substring(0, slash);
  }

  /** {@code ...:mapRun:<machine>/<label>} (the Map Run ARN without its id). */
  private static String base(String mapRunArn) {
    return mapRunArn.substring(0, mapRunArn.lastIndexOf(':'));
  }

  /** The token a child answers its parent's Map with: the Map Run and the item's index. */
  public static String token(String mapRunArn, long index) {
    return TOKEN_PREFIX + index + ":" + mapRunArn;
  }

  public static boolean isChildToken(String token) {
    return token.startsWith(TOKEN_PREFIX);
  }

  /** The Map Run ARN of a child token. */
  public static String mapRunOf(String token) {
    String rest = token.substring(TOKEN_PREFIX.length());
    return rest.substring(rest.indexOf(':') + 1);
  }

  /** The item index of a child token, or empty when it is not one. */
  public static OptionalLong indexOf(String token) {
    if (!isChildToken(token)) {
      return OptionalLong.empty();
    }
    String rest = token.substring(TOKEN_PREFIX.length());
    try {
      return OptionalLong.of(Long.parseLong(rest.substring(0, Math.max(0, rest.indexOf(':')))));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * What a finished child sends its parent's Map (on {@code task-results}, keyed by the parent): the
   * child's DescribeExecution shape (Input and Output as JSON, Status, Error and Cause when it did not
   * succeed, RedriveCount and RedriveStatus), always as a {@code TaskSucceeded}: the token is the Map's
   * own, and the Map reads the child's status from the shape, which the ResultWriter's entries need
   * for failed children too. Empty for any other execution.
   */
  public static Optional<TaskResult> parentResult(ExecutionHeader child) {
    ParentExecution parent = child.parent();
    if (parent == null || !parent.mapRunChild() || !child.status().finished()) {
      return Optional.empty();
    }
    ObjectNode described = NestedExecutions.described(child, true);
    described.put("RedriveCount", child.redriveCount());
    described.put("RedriveStatus", child.status() == ExecutionStatus.SUCCEEDED ? "NOT_REDRIVABLE" : "REDRIVABLE");
    return Optional.of(new TaskSucceeded(WireVersions.CURRENT, parent.executionArn(), parent.taskToken(), described));
  }

  /** Fields of a child's shape that its Map Run ARN and index give back; not kept in the parent's state. */
  private static final String[] DERIVED = {"ExecutionArn", "Name", "StateMachineArn", "InputDetails", "OutputDetails"};

  /** The child's shape as the parent keeps it for its ResultWriter: without the derivable fields. */
  public static ObjectNode compacted(JsonNode described) {
    ObjectNode kept = ((ObjectNode) described).deepCopy();
    kept.remove(List.of(DERIVED));
    return kept;
  }

  /** A kept shape with the derivable fields back, in AWS's order. */
  public static ObjectNode expanded(JsonNode kept, String mapRunArn, long index) {
    ObjectNode d = Json.NODES.objectNode();
    copy(kept, d, "Cause");
    copy(kept, d, "Error");
    d.put("ExecutionArn", childArn(mapRunArn, index));
    copy(kept, d, "Input");
    d.putObject("InputDetails").put("Included", true);
    d.put("Name", childName(mapRunArn, index));
    if (kept.has("Output")) {
      copy(kept, d, "Output");
      d.putObject("OutputDetails").put("Included", true);
    }
    d.setAll((ObjectNode) kept);
    d.put("StateMachineArn", childStateMachineArn(mapRunArn));
    return d;
  }

  private static void copy(JsonNode from, ObjectNode to, String field) {
    if (from.has(field)) {
      to.set(field, from.get(field));
    }
  }

  /** True when the child's shape says it succeeded. */
  public static boolean succeeded(JsonNode described) {
    return ExecutionStatus.SUCCEEDED.name().equals(described.path("Status").asText());
  }

  /** The error a child that did not succeed fails its item with: its own, or one named after its status. */
  public static String error(JsonNode described) {
    JsonNode error = described.get("Error");
    if (error != null && error.isTextual()) {
      return error.asText();
    }
    return switch (described.path("Status").asText()) {
      case "TIMED_OUT" -> "States.Timeout";
      case "ABORTED" -> "States.Aborted";
      default -> "States.TaskFailed";
    };
  }

  /** The cause of a child that did not succeed, or null. */
  public static String cause(JsonNode described) {
    JsonNode cause = described.get("Cause");
    return cause != null && cause.isTextual() ? cause.asText() : null;
  }

  /**
   * The definition an execution runs on: a Distributed Map child's derived one, else the state
   * machine's own (of {@code revisionId} when known).
   */
  public static Optional<Definition> definition(EngineContext ctx, String stateMachineArn, String revisionId,
      ParentExecution parent) {
    if (parent == null || !parent.mapRunChild()) {
      return ctx.definition(stateMachineArn, revisionId);
    }
    String machine = definingMachine(stateMachineArn);
    if (machine.equals(stateMachineArn)) {
      return Optional.empty();
    }
    String label = stateMachineArn.substring(machine.length());
    return ctx.definition(machine, parent.revisionId())
        .flatMap(d -> itemProcessor(d.graph(), parent.mapState())
            .map(m -> new Definition(stateMachineArn, d.name() + label, d.revisionId(),
                m.itemProcessor().executionType().orElse("STANDARD"), d.roleArn(),
                new StateMachine(Optional.empty(), m.itemProcessor().graph().startAt(),
                    m.itemProcessor().graph().states(), OptionalLong.empty(), Optional.empty(), m.queryLanguage()))));
  }

  /** The Map state named {@code name} anywhere in {@code graph} (Parallel branches and ItemProcessors too). */
  static Optional<MapState> itemProcessor(StateGraph graph, String name) {
    for (State s : graph.states().values()) {
      if (s instanceof MapState m) {
        if (m.name().equals(name)) {
          return Optional.of(m);
        }
        Optional<MapState> inner = itemProcessor(m.itemProcessor().graph(), name);
        if (inner.isPresent()) {
          return inner;
        }
      } else if (s instanceof ParallelState p) {
        for (StateGraph branch : p.branches()) {
          Optional<MapState> inner = itemProcessor(branch, name);
          if (inner.isPresent()) {
            return inner;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The item's output as the Map's result slot: a success's Output, else the failure's error output. */
  public static JsonNode output(JsonNode described) {
    JsonNode output = described.get("Output");
    return output == null ? Json.NODES.nullNode() : output;
  }
}
