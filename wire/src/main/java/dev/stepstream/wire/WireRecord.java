package dev.stepstream.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Every record Stepstream writes to or reads from a topic. Each carries a {@code type}
 * discriminator (the simple record name) and a {@code version}; the JSON Schemas under
 * {@code schemas/} describe the same shapes for workers written in other languages.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(StateMachineRecord.class),
  @JsonSubTypes.Type(StateMachineAlias.class),
  @JsonSubTypes.Type(StartExecution.class),
  @JsonSubTypes.Type(StopExecution.class),
  @JsonSubTypes.Type(RedriveExecution.class),
  @JsonSubTypes.Type(TimerFired.class),
  @JsonSubTypes.Type(Continue.class),
  @JsonSubTypes.Type(UpdateMapRun.class),
  @JsonSubTypes.Type(TaskSucceeded.class),
  @JsonSubTypes.Type(TaskFailed.class),
  @JsonSubTypes.Type(TaskHeartbeat.class),
  @JsonSubTypes.Type(TaskRequest.class),
  @JsonSubTypes.Type(HistoryEvent.class),
  @JsonSubTypes.Type(HistoryBatch.class),
  @JsonSubTypes.Type(ExecutionSummary.class),
  @JsonSubTypes.Type(DeadLetter.class),
  @JsonSubTypes.Type(TriggerRecord.class),
  @JsonSubTypes.Type(ScheduleRecord.class)
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface WireRecord
    permits StateMachineRecord, StateMachineAlias, Command, TaskResult, TaskRequest, HistoryEvent, HistoryBatch,
        ExecutionSummary, DeadLetter, TriggerRecord, ScheduleRecord {

  /** The version of this record's shape; readers reject versions newer than they know. */
  int version();
}
