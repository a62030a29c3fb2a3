package dev.stepstream.wire;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A topic trigger on the compacted definitions topic, keyed by its ARN
 * ({@code arn:aws:states:<region>:<account>:trigger:<name>}); a tombstone deletes it. Each record of
 * {@code sourceTopic} that matches {@code filter} starts one execution of {@code target}. Its JSON
 * {@code type} is {@code Trigger}.
 *
 * @param target a state machine, version or alias ARN
 * @param filter an EventBridge event pattern over the record wrapper, or null for every record
 * @param inputTransform a JSONata expression over the wrapper ({@code $record}), or null for the value
 * @param nameTemplate the execution name with {@code {topic}}, {@code {partition}}, {@code {offset}}
 *     and {@code {trigger}} placeholders, or null for {@code {topic}-{partition}-{offset}}
 * @param startingPosition {@code LATEST}, {@code EARLIEST} or {@code AT_TIMESTAMP}, used when the
 *     trigger has no committed offset yet
 * @param startingTimestamp epoch milliseconds for {@code AT_TIMESTAMP}, null otherwise
 * @param state {@code ACTIVE} or {@code PAUSED}; a paused trigger keeps its committed offsets
 * @param maxConcurrency at most this many executions the trigger started may be RUNNING at once
 *     (further records wait, unread past, until one finishes), or null for no limit. Added after the
 *     first shape: a record without it decodes as null.
 */
@JsonTypeName("Trigger")
public record TriggerRecord(
    int version,
    String arn,
    String name,
    String sourceTopic,
    String target,
    JsonNode filter,
    String inputTransform,
    String nameTemplate,
    String startingPosition,
    Long startingTimestamp,
    String state,
    long createdAt,
    long updatedAt,
    Integer maxConcurrency) implements WireRecord {

  public static final String ACTIVE = "ACTIVE";
  public static final String PAUSED = "PAUSED";
  public static final String LATEST = "LATEST";
  public static final String EARLIEST = "EARLIEST";
  public static final String AT_TIMESTAMP = "AT_TIMESTAMP";

  public TriggerRecord {
    Require.version(version, "Trigger");
    Require.text(arn, "Trigger", "arn");
    Require.text(name, "Trigger", "name");
    Require.text(sourceTopic, "Trigger", "sourceTopic");
    Require.text(target, "Trigger", "target");
    Require.text(startingPosition, "Trigger", "startingPosition");
    Require.text(state, "Trigger", "state");
    if (!Set.of(LATEST, EARLIEST, AT_TIMESTAMP).contains(startingPosition)) {
      throw new IllegalArgumentException("Trigger startingPosition must be LATEST, EARLIEST or AT_TIMESTAMP");
    }
    if (AT_TIMESTAMP.equals(startingPosition) != (startingTimestamp != null)) {
      throw new IllegalArgumentException("Trigger startingTimestamp is required with AT_TIMESTAMP and only then");
    }
    if (!Set.of(ACTIVE, PAUSED).contains(state)) {
      throw new IllegalArgumentException("Trigger state must be ACTIVE or PAUSED");
    }
    if (maxConcurrency != null && maxConcurrency < 1) {
      throw new IllegalArgumentException("Trigger maxConcurrency must be at least 1 when present");
    }
  }

  /** A trigger without a concurrency limit. */
  public TriggerRecord(int version, String arn, String name, String sourceTopic, String target, JsonNode filter,
      String inputTransform, String nameTemplate, String startingPosition, Long startingTimestamp, String state,
      long createdAt, long updatedAt) {
    this(version, arn, name, sourceTopic, target, filter, inputTransform, nameTemplate, startingPosition,
        startingTimestamp, state, createdAt, updatedAt, null);
  }

  public boolean active() {
    return ACTIVE.equals(state);
  }

  public TriggerRecord withState(String newState, long now) {
    return new TriggerRecord(version, arn, name, sourceTopic, target, filter, inputTransform, nameTemplate,
        startingPosition, startingTimestamp, newState, createdAt, now, maxConcurrency);
  }
}
