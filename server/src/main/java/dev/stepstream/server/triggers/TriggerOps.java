package dev.stepstream.server.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Definitions;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TriggerRecord;
import dev.stepstream.wire.WireVersions;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Trigger management: create (validated in full before anything is stored), list, describe, pause,
 * resume and delete. Errors are AWS-shaped: {@code ValidationException}, {@code TriggerAlreadyExists},
 * {@code TriggerDoesNotExist}, {@code StateMachineDoesNotExist}.
 */
final class TriggerOps {
  static final String DOES_NOT_EXIST = "TriggerDoesNotExist";
  static final String ALREADY_EXISTS = "TriggerAlreadyExists";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  private final Triggers triggers;
  private final Definitions definitions;
  private final TriggerService service;
  private final Arns arns;
  private final Clock clock;

  TriggerOps(Triggers triggers, Definitions definitions, TriggerService service, Arns arns, Clock clock) {
    this.triggers = triggers;
    this.definitions = definitions;
    this.service = service;
    this.arns = arns;
    this.clock = clock;
  }

  String arnOf(String name) {
    return "arn:aws:states:" + arns.region() + ":" + arns.account() + ":trigger:" + name;
  }

  ObjectNode create(JsonNode request) {
    String name = required(request, "name");
    if (!NAME.matcher(name).matches()) {
      throw validation("name must be 1 to 64 letters, digits, '.', '_' or '-', but was '" + name + "'");
    }
    String topic = required(request, "sourceTopic");
    if (!TOPIC.matcher(topic).matches()) {
      throw validation("sourceTopic is not a valid Kafka topic name: '" + topic + "'");
    }
    String target = required(request, "target");
    requireTarget(target);
    String position = request.path("startingPosition").asText(TriggerRecord.LATEST);
    Long timestamp = request.hasNonNull("startingTimestamp") ? request.get("startingTimestamp").asLong() : null;
    long now = clock.millis();
    TriggerRecord trigger;
    try {
      trigger = new TriggerRecord(WireVersions.CURRENT, arnOf(name), name, topic, target,
          request.hasNonNull("filter") ? request.get("filter") : null, text(request, "inputTransform"),
          text(request, "nameTemplate"), position, timestamp, TriggerRecord.ACTIVE, now, now, maxConcurrency(request));
      TriggerPipeline.compile(trigger);
    } catch (IllegalArgumentException e) {
      throw validation(e.getMessage());
    }
    if (triggers.find(trigger.arn()).isPresent()) {
      throw new AwsException(ALREADY_EXISTS, "Trigger already exists: '" + trigger.arn() + "'");
    }
    triggers.put(trigger);
    return TriggerShapes.describe(trigger, null);
  }

  private void requireTarget(String target) {
    Arns.Parsed parsed = Arns.parse(target).filter(p -> p.kind().equals("stateMachine"))
        .orElseThrow(() -> new AwsException(AwsErrors.INVALID_ARN, "Invalid Arn: 'target' is not a state machine, "
            + "version or alias ARN: '" + target + "'"));
    boolean exists = parsed.isAlias() ? definitions.alias(target).isPresent()
        : definitions.find(target, StateMachineRecord.KIND_STATE_MACHINE).isPresent();
    if (!exists) {
      throw new AwsException(AwsErrors.STATE_MACHINE_DOES_NOT_EXIST, "State Machine Does Not Exist: '" + target + "'");
    }
  }

  ObjectNode describe(String name) {
    TriggerRecord trigger = find(name);
    return TriggerShapes.describe(trigger, metricsOf(trigger));
  }

  ObjectNode setState(String name, String state) {
    TriggerRecord trigger = find(name);
    TriggerRecord changed = trigger.state().equals(state) ? trigger : trigger.withState(state, clock.millis());
    if (changed != trigger) {
      triggers.put(changed);
    }
    return TriggerShapes.describe(changed, null);
  }

  void delete(String name) {
    triggers.delete(find(name).arn());
  }

  private TriggerRecord find(String name) {
    return triggers.find(arnOf(name))
        .orElseThrow(() -> new AwsException(DOES_NOT_EXIST, "Trigger Does Not Exist: '" + arnOf(name) + "'"));
  }

  private static Integer maxConcurrency(JsonNode request) {
    JsonNode value = request.get("maxConcurrency");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
      throw validation("'maxConcurrency' must be a whole number of at least 1, but was " + value);
    }
    return value.asInt();
  }

  private static String required(JsonNode request, String field) {
    String value = text(request, field);
    if (value == null || value.isBlank()) {
      throw validation("'" + field + "' is required");
    }
    return value;
  }

  private static String text(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw validation("'" + field + "' must be a string");
    }
    return value.asText();
  }

  private static AwsException validation(String message) {
    return new AwsException(AwsErrors.VALIDATION, message);
  }

  /** Every trigger, each with this instance's counters when it ran here. */
  ObjectNode listShape() {
    ObjectNode out = AwsJson.object();
    ArrayNode list = out.putArray("triggers");
    triggers.all().forEach(t -> list.add(TriggerShapes.describe(t, metricsOf(t))));
    return out;
  }

  private TriggerMetrics metricsOf(TriggerRecord trigger) {
    return service == null ? null : service.metrics(trigger.name()).orElse(null);
  }
}
