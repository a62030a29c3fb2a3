package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.diag.Diagnostic;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.Pages;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.server.api.backend.TaskNames;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.StateMachine;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Create/Describe/Update/Delete/List state machines, DescribeStateMachineForExecution. */
public final class StateMachineOps {
  static final int MAX_DEFINITION_LENGTH = 1_048_576;
  private final Backend backend;

  public StateMachineOps(Backend backend) {
    this.backend = backend;
  }

  public void register(Map<String, Operation> ops) {
    ops.put("CreateStateMachine", this::create);
    ops.put("DescribeStateMachine", this::describe);
    ops.put("UpdateStateMachine", this::update);
    ops.put("DeleteStateMachine", this::delete);
    ops.put("ListStateMachines", this::list);
    ops.put("DescribeStateMachineForExecution", this::describeForExecution);
  }

  private JsonNode create(RequestFields request) {
    String name = Arns.requireName(request.requiredText("name"));
    String definition = request.requiredText("definition", MAX_DEFINITION_LENGTH);
    String roleArn = requireRoleArn(request.requiredText("roleArn"));
    String type = type(request.optionalText("type").orElse("STANDARD"));
    Map<String, String> tags = TagOps.parseTags(request.body().get("tags"));
    JsonNode tree = requireValid(definition);
    String arn = backend.arns().stateMachine(name);
    Optional<StateMachine> existing = backend.definitions().find(arn, StateMachine.KIND_STATE_MACHINE);
    if (existing.isPresent()) {
      StateMachine m = existing.get();
      if (m.definition().equals(definition) && Objects.equals(m.roleArn(), roleArn) && Shapes.type(m).equals(type)) {
        return created(m);
      }
      throw new AwsException(AwsErrors.STATE_MACHINE_ALREADY_EXISTS, "State Machine Already Exists: '" + arn + "'");
    }
    backend.provisioner().ensureTaskTopics(TaskNames.of(tree));
    long now = backend.now();
    StateMachine record = new StateMachine(1, arn, name, StateMachine.KIND_STATE_MACHINE, definition, type, roleArn,
        UUID.randomUUID().toString(), now, now);
    backend.definitions().put(record);
    if (!tags.isEmpty()) {
      backend.definitions().putTags(arn, tags);
    }
    return created(record);
  }

  private static ObjectNode created(StateMachine m) {
    ObjectNode out = AwsJson.object();
    out.put("stateMachineArn", m.arn());
    out.set("creationDate", AwsJson.timestamp(m.createdAt()));
    return out;
  }

  private JsonNode describe(RequestFields request) {
    return Shapes.stateMachine(machine(request.requiredText("stateMachineArn")));
  }

  private JsonNode update(RequestFields request) {
    StateMachine current = machine(request.requiredText("stateMachineArn"));
    Optional<String> definition = request.optionalText("definition");
    Optional<String> roleArn = request.optionalText("roleArn").map(StateMachineOps::requireRoleArn);
    boolean otherSettings = request.body().has("loggingConfiguration") || request.body().has("tracingConfiguration");
    if (definition.isEmpty() && roleArn.isEmpty() && !otherSettings) {
      throw new AwsException(AwsErrors.MISSING_REQUIRED_PARAMETER,
          "Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified");
    }
    definition.ifPresent(d -> {
      RequestFields.checkLength("definition", d, MAX_DEFINITION_LENGTH);
      backend.provisioner().ensureTaskTopics(TaskNames.of(requireValid(d)));
    });
    long now = backend.now();
    StateMachine updated = new StateMachine(1, current.arn(), current.name(), current.kind(),
        definition.orElse(current.definition()), current.machineType(), roleArn.orElse(current.roleArn()),
        UUID.randomUUID().toString(), current.createdAt(), now);
    backend.definitions().put(updated);
    ObjectNode out = AwsJson.object();
    out.set("updateDate", AwsJson.timestamp(now));
    out.put("revisionId", updated.revisionId());
    return out;
  }

  private JsonNode delete(RequestFields request) {
    String arn = request.requiredText("stateMachineArn");
    Arns.require(arn, "stateMachine");
    if (backend.definitions().find(arn, StateMachine.KIND_STATE_MACHINE).isPresent()) {
      backend.definitions().delete(arn);
    }
    return AwsJson.object();
  }

  private JsonNode list(RequestFields request) {
    ObjectNode out = AwsJson.object();
    Pages.page(request, "ListStateMachines", backend.definitions().all(StateMachine.KIND_STATE_MACHINE), 100, out,
        "stateMachines", Shapes::stateMachineListItem);
    return out;
  }

  private JsonNode describeForExecution(RequestFields request) {
    String executionArn = request.requiredText("executionArn");
    Arns.requireExecution(executionArn);
    ExecutionSummary execution = backend.executions().find(executionArn)
        .orElseThrow(() -> AwsErrors.executionDoesNotExist(executionArn));
    StateMachine m = backend.definitions().find(execution.stateMachineArn(), StateMachine.KIND_STATE_MACHINE)
        .orElseThrow(() -> AwsErrors.stateMachineDoesNotExist(execution.stateMachineArn()));
    ObjectNode out = AwsJson.object();
    out.put("stateMachineArn", m.arn());
    out.put("name", m.name());
    out.put("definition", m.definition());
    out.put("roleArn", m.roleArn() == null ? "" : m.roleArn());
    out.set("updateDate", AwsJson.timestamp(m.updatedAt()));
    if (m.revisionId() != null) {
      out.put("revisionId", m.revisionId());
    }
    return out;
  }

  /** The state machine an ARN names: InvalidArn for a malformed ARN, StateMachineDoesNotExist for an unknown one. */
  StateMachine machine(String arn) {
    Arns.require(arn, "stateMachine");
    return backend.definitions().find(arn, StateMachine.KIND_STATE_MACHINE)
        .orElseThrow(() -> AwsErrors.stateMachineDoesNotExist(arn));
  }

  private static JsonNode requireValid(String definition) {
    ValidationResult result = Asl.compile(definition);
    if (!result.isValid()) {
      String problems = result.errors().stream().map(StateMachineOps::describe).collect(Collectors.joining(", "));
      throw new AwsException(AwsErrors.INVALID_DEFINITION, "Invalid State Machine Definition: '" + problems + "'");
    }
    return AwsJson.parse(definition).orElseThrow();
  }

  private static String describe(Diagnostic d) {
    return d.code() + ": " + d.message() + " at " + (d.location().isEmpty() ? "/" : d.location());
  }

  private static String type(String type) {
    if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
      throw AwsErrors.constraint("type", type, "Member must satisfy enum value set: [STANDARD, EXPRESS]");
    }
    return type;
  }

  private static String requireRoleArn(String roleArn) {
    if (!roleArn.startsWith("arn:") || roleArn.split(":", -1).length < 6) {
      throw AwsErrors.invalidArn(roleArn);
    }
    return roleArn;
  }
}
