package dev.stepstream.server.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.asl.jsonata.JsonataExpressions;
import dev.stepstream.wire.TriggerRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What a trigger does with one source record, without Kafka: skip it (the filter does not match),
 * start an execution (name and input), or dead-letter it (with the reason). Compiled once per
 * trigger definition; a definition that does not compile is refused when the trigger is created.
 */
final class TriggerPipeline {
  /** AWS's limit for an execution input, and here for a source record's value. */
  static final int MAX_PAYLOAD_BYTES = 262_144;

  sealed interface Outcome {}

  record Skip() implements Outcome {}

  record Start(String name, JsonNode input) implements Outcome {}

  record Reject(String reason) implements Outcome {}

  private final TriggerRecord trigger;
  private final EventPattern filter;
  private final Expression transform;
  private final NameTemplate names;

  private TriggerPipeline(TriggerRecord trigger, EventPattern filter, Expression transform, NameTemplate names) {
    this.trigger = trigger;
    this.filter = filter;
    this.transform = transform;
    this.names = names;
  }

  /**
   * @throws IllegalArgumentException naming the part of the trigger that is invalid (filter,
   *     transformation or name template)
   */
  static TriggerPipeline compile(TriggerRecord trigger) {
    EventPattern filter = trigger.filter() == null ? null : EventPattern.compile(trigger.filter());
    Expression transform = null;
    if (trigger.inputTransform() != null) {
      String text = trigger.inputTransform().strip();
      String expression = JsonataExpressions.isExpression(text) ? text : "{% " + text + " %}";
      try {
        transform = JsonataExpressions.template(TextNode.valueOf(expression), "InputTransform");
      } catch (InvalidExpressionException e) {
        throw new IllegalArgumentException("Invalid input transformation: " + e.getMessage(), e);
      }
    }
    return new TriggerPipeline(trigger, filter, transform, NameTemplate.parse(trigger.nameTemplate()));
  }

  /** The rejection of a record value of {@code valueBytes} bytes, checked before the value is parsed. */
  static Optional<Reject> oversized(int valueBytes) {
    return valueBytes <= MAX_PAYLOAD_BYTES ? Optional.empty() : Optional.of(new Reject("the record value is "
        + valueBytes + " bytes, more than the " + MAX_PAYLOAD_BYTES + " bytes an execution input may have"));
  }

  /** The outcome for one record (not {@link #oversized}), wrapped by {@link RecordWrapper}. */
  Outcome apply(ObjectNode wrapper, long nowMillis) {
    try {
      return evaluate(wrapper, nowMillis);
    } catch (RuntimeException e) {
      // A record the filter or the transformation cannot handle at all must not stop the trigger (it
      // would read the same record again after every restart): it is dead-lettered like any other.
      return new Reject("the record could not be evaluated: " + e);
    }
  }

  private Outcome evaluate(ObjectNode wrapper, long nowMillis) {
    if (filter != null && !filter.matches(wrapper)) {
      return new Skip();
    }
    JsonNode input = wrapper.get("value");
    if (transform != null) {
      try {
        input = transform.evaluate(new EvalContext(wrapper, wrapper.objectNode(), Map.of("record", wrapper),
            com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
            com.fasterxml.jackson.databind.node.MissingNode.getInstance(), RandomSource.seeded(0), nowMillis));
      } catch (AslException e) {
        return new Reject("the input transformation failed: " + e.causeText());
      }
    }
    int inputBytes = input.toString().getBytes(StandardCharsets.UTF_8).length;
    if (inputBytes > MAX_PAYLOAD_BYTES) {
      return new Reject("the transformed input is " + inputBytes + " bytes, more than the " + MAX_PAYLOAD_BYTES
          + " bytes an execution input may have");
    }
    return new Start(names.name(trigger.name(), wrapper.path("topic").asText(), wrapper.path("partition").asInt(),
        wrapper.path("offset").asLong()), input);
  }
}
