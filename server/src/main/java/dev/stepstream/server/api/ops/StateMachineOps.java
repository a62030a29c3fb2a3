package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.stepstream.wire.LoggingConfiguration;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.WireVersions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Create/Describe/Update/Delete/List state machines, DescribeStateMachineForExecution. Create and
 * Update publish a version with {@code publish: true}; Describe takes a version ARN too.
 */
public final class StateMachineOps {
  public static final int MAX_DEFINITION_LENGTH = 1_048_576;
  private final Backend backend;
  private final Versions versions;

  public StateMachineOps(Backend backend, Versions versions) {
    this.backend = backend;
    this.versions = versions;
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
    Optional<String> versionDescription = versionDescription(request);
    LoggingConfiguration logging = LoggingSettings.parse(request.body()).orElse(null);
    JsonNode tree = Admission.definition(definition, type);
    String arn = backend.arns().stateMachine(name);
    Optional<StateMachineRecord> existing = backend.definitions().find(arn, StateMachineRecord.KIND_STATE_MACHINE);
    if (existing.isPresent()) {
      StateMachineRecord m = existing.get();
      if (m.definition().equals(definition) && Objects.equals(m.roleArn(), roleArn) && Shapes.type(m).equals(type)
          && m.logging().equals(logging == null ? LoggingConfiguration.OFF : logging)) {
        return publishIfAsked(created(m), arn, versionDescription);
      }
      throw new AwsException(AwsErrors.STATE_MACHINE_ALREADY_EXISTS, "State Machine Already Exists: '" + arn + "'");
    }
    backend.provisioner().ensureTaskTopics(TaskNames.of(tree));
    long now = backend.now();
    StateMachineRecord record = new StateMachineRecord(WireVersions.CURRENT,
        arn, name, StateMachineRecord.KIND_STATE_MACHINE, definition, type, roleArn,
        UUID.randomUUID().toString(), now, now, null, null, logging);
    backend.definitions().put(record);
    if (!tags.isEmpty()) {
      backend.definitions().putTags(arn, tags);
    }
    return publishIfAsked(created(record), arn, versionDescription);
  }

  /**
   * {@code versionDescription} is only allowed with {@code publish: true} (ValidationException
   * otherwise); empty when nothing is to be published, else the description (possibly "").
   */
  private static Optional<String> versionDescription(RequestFields request) {
    boolean publish = request.flag("publish", false);
    String description = VersionOps.description(request, "versionDescription");
    if (!publish && description != null) {
      throw AwsErrors.validation("Version description can only be set when publish is true");
    }
    return publish ? Optional.of(description == null ? "" : description) : Optional.empty();
  }

  private ObjectNode publishIfAsked(ObjectNode out, String arn, Optional<String> versionDescription) {
    versionDescription.ifPresent(d -> out.put("stateMachineVersionArn",
        versions.publish(arn, Optional.empty(), d.isEmpty() ? null : d).arn()));
    return out;
  }

  private static ObjectNode created(StateMachineRecord m) {
    ObjectNode out = AwsJson.object();
    out.put("stateMachineArn", m.arn());
    out.set("creationDate", AwsJson.timestamp(m.createdAt()));
    return out;
  }

  private JsonNode describe(RequestFields request) {
    return Shapes.stateMachine(machine(request.requiredText("stateMachineArn")));
  }

  private JsonNode update(RequestFields request) {
    StateMachineRecord current = unqualifiedMachine(request.requiredText("stateMachineArn"));
    Optional<String> versionDescription = versionDescription(request);
    Optional<String> definition = request.optionalText("definition");
    Optional<String> roleArn = request.optionalText("roleArn").map(StateMachineOps::requireRoleArn);
    Optional<LoggingConfiguration> logging = LoggingSettings.parse(request.body());
    boolean otherSettings = request.body().has("loggingConfiguration") || request.body().has("tracingConfiguration");
    if (definition.isEmpty() && roleArn.isEmpty() && !otherSettings) {
      throw new AwsException(AwsErrors.MISSING_REQUIRED_PARAMETER,
          "Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified");
    }
    definition.ifPresent(d ->
        backend.provisioner().ensureTaskTopics(TaskNames.of(Admission.definition(d, Shapes.type(current)))));
    long now = backend.now();
    StateMachineRecord updated = new StateMachineRecord(WireVersions.CURRENT, current.arn(), current.name(), current.kind(),
        definition.orElse(current.definition()), current.machineType(), roleArn.orElse(current.roleArn()),
        UUID.randomUUID().toString(), current.createdAt(), now, null, current.lastVersionNumber(),
        logging.orElse(current.loggingConfiguration()));
    backend.definitions().put(updated);
    ObjectNode out = AwsJson.object();
    out.set("updateDate", AwsJson.timestamp(now));
    out.put("revisionId", updated.revisionId());
    return publishIfAsked(out, current.arn(), versionDescription);
  }

  /** AWS deletes a state machine's aliases and versions with it. */
  private JsonNode delete(RequestFields request) {
    String arn = request.requiredText("stateMachineArn");
    requireUnqualified(arn);
    if (backend.definitions().find(arn, StateMachineRecord.KIND_STATE_MACHINE).isPresent()) {
      backend.definitions().aliasesOf(arn).forEach(a -> backend.definitions().delete(a.arn()));
      versions.of(arn).forEach(v -> backend.definitions().delete(v.arn()));
      backend.definitions().delete(arn);
    }
    return AwsJson.object();
  }

  /** Versions and aliases are not state machines of their own: not listed. */
  private JsonNode list(RequestFields request) {
    List<StateMachineRecord> machines = backend.definitions().all(StateMachineRecord.KIND_STATE_MACHINE).stream()
        .filter(m -> Arns.parse(m.arn()).flatMap(Arns.Parsed::qualifier).isEmpty())
        .toList();
    ObjectNode out = AwsJson.object();
    Pages.page(request, "ListStateMachines", machines, 100, out, "stateMachines", Shapes::stateMachineListItem);
    return out;
  }

  private JsonNode describeForExecution(RequestFields request) {
    String executionArn = request.requiredText("executionArn");
    Arns.requireExecution(executionArn);
    ExecutionSummary execution = backend.executions().find(executionArn)
        .orElseThrow(() -> AwsErrors.executionDoesNotExist(executionArn));
    if (execution.mapRunArn() != null) {
      return describeMapRunChild(execution);
    }
    // The definition the execution runs on, which an UpdateStateMachine since its start does not change.
    StateMachineRecord m = backend.definitions().revision(execution.stateMachineArn(), execution.revisionId())
        .orElseThrow(() -> AwsErrors.stateMachineDoesNotExist(execution.stateMachineArn()));
    ObjectNode out = AwsJson.object();
    out.put("stateMachineArn", Arns.unqualified(m.arn()));
    out.put("name", m.name());
    out.put("definition", m.definition());
    out.put("roleArn", m.roleArn() == null ? "" : m.roleArn());
    out.set("updateDate", AwsJson.timestamp(m.updatedAt()));
    if (m.revisionId() != null) {
      out.put("revisionId", m.revisionId());
    }
    return out;
  }

  /** A Distributed Map's child: its Map's ItemProcessor as the definition, with {@code mapRunArn} and {@code label}. */
  private JsonNode describeMapRunChild(ExecutionSummary child) {
    String parentArn = child.stateMachineArn().substring(0, child.stateMachineArn().indexOf('/'));
    String label = MapRunChildDefinitions.label(child.stateMachineArn());
    StateMachineRecord m = backend.definitions().revision(parentArn, child.revisionId())
        .orElseThrow(() -> AwsErrors.stateMachineDoesNotExist(child.stateMachineArn()));
    ObjectNode out = AwsJson.object();
    out.put("stateMachineArn", child.stateMachineArn());
    out.put("name", m.name() + "/" + label);
    out.put("definition", MapRunChildDefinitions.itemProcessor(m.definition(), label).orElse(m.definition()));
    out.put("roleArn", m.roleArn() == null ? "" : m.roleArn());
    out.set("updateDate", AwsJson.timestamp(m.updatedAt()));
    out.put("mapRunArn", child.mapRunArn());
    out.put("label", label);
    if (m.revisionId() != null) {
      out.put("revisionId", m.revisionId());
    }
    return out;
  }

  /**
   * The state machine or published version an ARN names: InvalidArn for a malformed ARN,
   * StateMachineDoesNotExist for an unknown one (an alias ARN names no state machine record).
   */
  StateMachineRecord machine(String arn) {
    Arns.require(arn, "stateMachine");
    return backend.definitions().find(arn, StateMachineRecord.KIND_STATE_MACHINE)
        .orElseThrow(() -> AwsErrors.stateMachineDoesNotExist(arn));
  }

  /** Like {@link #machine} but a version or alias ARN is refused (ValidationException, as AWS). */
  StateMachineRecord unqualifiedMachine(String arn) {
    requireUnqualified(arn);
    return machine(arn);
  }

  private static void requireUnqualified(String arn) {
    if (Arns.require(arn, "stateMachine").qualifier().isPresent()) {
      throw AwsErrors.validation("This operation does not accept a version or alias ARN: '" + arn + "'");
    }
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
