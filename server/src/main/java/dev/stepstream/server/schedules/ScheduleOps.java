package dev.stepstream.server.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.processor.schedules.InvalidScheduleException;
import dev.stepstream.processor.schedules.ScheduleSpec;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Definitions;
import dev.stepstream.wire.ScheduleRecord;
import dev.stepstream.wire.StateMachineRecord;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Schedule management: create (validated in full before anything is stored), list, describe, pause,
 * resume and delete. Requests and answers use EventBridge Scheduler's member names; errors are its
 * {@code ValidationException} (the message starts with the bad member), {@code ConflictException} and
 * {@code ResourceNotFoundException}.
 */
final class ScheduleOps {
  static final String GROUP = "default";
  static final String NOT_FOUND = "ResourceNotFoundException";
  static final String CONFLICT = "ConflictException";
  private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z_.-]{1,64}");

  private final Schedules schedules;
  private final Definitions definitions;
  private final Arns arns;
  private final Clock clock;

  ScheduleOps(Schedules schedules, Definitions definitions, Arns arns, Clock clock) {
    this.schedules = schedules;
    this.definitions = definitions;
    this.arns = arns;
    this.clock = clock;
  }

  String arnOf(String name) {
    return "arn:aws:scheduler:" + arns.region() + ":" + arns.account() + ":schedule/" + GROUP + "/" + name;
  }

  ObjectNode create(JsonNode request) {
    String name = ScheduleRequest.required(request, "Name");
    if (!NAME.matcher(name).matches()) {
      throw validation("Name: must be 1 to 64 letters, digits, '.', '_' or '-', but was '" + name + "'");
    }
    ScheduleRecord schedule = ScheduleRequest.read(request, arnOf(name), name, clock.millis());
    try {
      ScheduleSpec.of(schedule);
    } catch (InvalidScheduleException e) {
      throw validation(e.getMessage());
    }
    requireTarget(schedule.target());
    if (schedules.find(schedule.arn()).isPresent()) {
      throw new AwsException(CONFLICT, "Schedule " + name + " already exists.", 409);
    }
    schedules.put(schedule);
    return ScheduleShapes.describe(schedule, clock.instant());
  }

  private void requireTarget(String target) {
    Arns.Parsed parsed = Arns.parse(target).filter(p -> p.kind().equals("stateMachine"))
        .orElseThrow(() -> validation("Target.Arn: not a state machine, version or alias ARN: '" + target + "'"));
    boolean exists = parsed.isAlias() ? definitions.alias(target).isPresent()
        : definitions.find(target, StateMachineRecord.KIND_STATE_MACHINE).isPresent();
    if (!exists) {
      throw new AwsException(AwsErrors.STATE_MACHINE_DOES_NOT_EXIST, "State Machine Does Not Exist: '" + target + "'");
    }
  }

  List<ScheduleRecord> list() {
    return schedules.all();
  }

  ObjectNode describe(String name) {
    return ScheduleShapes.describe(find(name), clock.instant());
  }

  ObjectNode setState(String name, String state) {
    ScheduleRecord schedule = find(name);
    ScheduleRecord changed = schedule.state().equals(state) ? schedule : schedule.withState(state, clock.millis());
    if (changed != schedule) {
      schedules.put(changed);
    }
    return ScheduleShapes.describe(changed, clock.instant());
  }

  void delete(String name) {
    schedules.delete(find(name).arn());
  }

  private ScheduleRecord find(String name) {
    return schedules.find(arnOf(name))
        .orElseThrow(() -> new AwsException(NOT_FOUND, "Schedule " + name + " does not exist.", 404));
  }

  static AwsException validation(String message) {
    return new AwsException(AwsErrors.VALIDATION, message);
  }

  ObjectNode listShape(List<ScheduleRecord> all) {
    ObjectNode out = AwsJson.object();
    var array = out.putArray("Schedules");
    all.forEach(s -> array.add(ScheduleShapes.describe(s, clock.instant())));
    return out;
  }
}
