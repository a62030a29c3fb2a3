package dev.stepstream.wire;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A state machine or activity definition on the compacted definitions topic, keyed by its ARN.
 * A tombstone (null value) deletes it. Its JSON {@code type} is {@code StateMachine}.
 *
 * @param kind {@code STATE_MACHINE}, {@code ACTIVITY} or {@code STATE_MACHINE_REVISION} (a copy of a state
 *     machine record kept under {@link #revisionKey} so that executions started on that revision can
 *     finish on it after an UpdateStateMachine)
 * @param definition the ASL JSON text (null for activities)
 * @param machineType {@code STANDARD} or {@code EXPRESS} (null for activities)
 * @param createdAt epoch milliseconds
 * @param updatedAt epoch milliseconds
 * @param description a published version's description (null otherwise)
 * @param lastVersionNumber the highest version number ever published from this state machine (null
 *     when none was); version numbers are never reused, even after a version is deleted
 * @param loggingConfiguration the state machine's logging configuration (null, as in records written
 *     before it existed, means {@link LoggingConfiguration#OFF})
 */
@JsonTypeName("StateMachine")
public record StateMachineRecord(
    int version,
    String arn,
    String name,
    String kind,
    String definition,
    String machineType,
    String roleArn,
    String revisionId,
    long createdAt,
    long updatedAt,
    String description,
    Integer lastVersionNumber,
    LoggingConfiguration loggingConfiguration) implements WireRecord {

  public static final String KIND_STATE_MACHINE = "STATE_MACHINE";
  public static final String KIND_ACTIVITY = "ACTIVITY";
  public static final String KIND_REVISION = "STATE_MACHINE_REVISION";
  private static final String REVISION_KEY_INFIX = "#revision/";

  public StateMachineRecord {
    Require.version(version, "StateMachine");
    Require.text(arn, "StateMachine", "arn");
    Require.text(name, "StateMachine", "name");
    Require.text(kind, "StateMachine", "kind");
    if (KIND_STATE_MACHINE.equals(kind) || KIND_REVISION.equals(kind)) {
      Require.text(definition, "StateMachine", "definition");
    }
  }

  /** The definitions-topic key of one revision of a state machine ('#' never occurs in an ARN). */
  public static String revisionKey(String stateMachineArn, String revisionId) {
    return stateMachineArn + REVISION_KEY_INFIX + revisionId;
  }

  /** This state machine record as the revision copy stored under {@link #revisionKey}. */
  public StateMachineRecord asRevision() {
    return new StateMachineRecord(version, arn, name, KIND_REVISION, definition, machineType, roleArn, revisionId,
        createdAt, updatedAt, description, lastVersionNumber, loggingConfiguration);
  }

  /** A state machine or published version without a logging configuration. */
  public StateMachineRecord(int version, String arn, String name, String kind, String definition, String machineType,
      String roleArn, String revisionId, long createdAt, long updatedAt, String description, Integer lastVersionNumber) {
    this(version, arn, name, kind, definition, machineType, roleArn, revisionId, createdAt, updatedAt, description,
        lastVersionNumber, null);
  }

  /** The logging configuration, {@link LoggingConfiguration#OFF} when none was set. */
  public LoggingConfiguration logging() {
    return loggingConfiguration == null ? LoggingConfiguration.OFF : loggingConfiguration;
  }

  /** A state machine or activity without version data. */
  public StateMachineRecord(int version, String arn, String name, String kind, String definition, String machineType,
      String roleArn, String revisionId, long createdAt, long updatedAt) {
    this(version, arn, name, kind, definition, machineType, roleArn, revisionId, createdAt, updatedAt, null, null);
  }
}
