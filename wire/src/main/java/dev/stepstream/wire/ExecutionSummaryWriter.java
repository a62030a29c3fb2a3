package dev.stepstream.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;

/**
 * Writes an {@link ExecutionSummary} with Jackson's streaming generator: the same bytes as
 * {@code WireJson.encode(summary)}, without the reflective record serialiser. Every execution
 * publishes at least two (its start and its end), on the processor's hot path.
 */
public final class ExecutionSummaryWriter {
  private static final SerializableString TYPE = new SerializedString("type");
  private static final SerializableString EXECUTION_SUMMARY = new SerializedString("ExecutionSummary");
  private static final SerializableString VERSION = new SerializedString("version");
  static final SerializableString EXECUTION_ARN = new SerializedString("executionArn");
  static final SerializableString STATE_MACHINE_ARN = new SerializedString("stateMachineArn");
  static final SerializableString NAME = new SerializedString("name");
  static final SerializableString STATUS = new SerializedString("status");
  static final SerializableString START_DATE = new SerializedString("startDate");
  static final SerializableString STOP_DATE = new SerializedString("stopDate");
  static final SerializableString INPUT = new SerializedString("input");
  static final SerializableString OUTPUT = new SerializedString("output");
  static final SerializableString ERROR = new SerializedString("error");
  static final SerializableString CAUSE = new SerializedString("cause");
  static final SerializableString REDRIVE_COUNT = new SerializedString("redriveCount");
  private static final SerializableString ALIAS_ARN = new SerializedString("stateMachineAliasArn");
  private static final SerializableString REDRIVE_DATE = new SerializedString("redriveDate");
  private static final SerializableString REVISION_ID = new SerializedString("revisionId");
  private static final SerializableString TRACE_HEADER = new SerializedString("traceHeader");
  private static final SerializableString MAP_RUN_ARN = new SerializedString("mapRunArn");

  private ExecutionSummaryWriter() {}

  public static byte[] encode(ExecutionSummary s) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(512);
        JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName(TYPE);
      g.writeString(EXECUTION_SUMMARY);
      g.writeFieldName(VERSION);
      g.writeNumber(s.version());
      OptionalFields.text(g, EXECUTION_ARN, s.executionArn());
      OptionalFields.text(g, STATE_MACHINE_ARN, s.stateMachineArn());
      OptionalFields.text(g, NAME, s.name());
      OptionalFields.text(g, STATUS, s.status().name());
      g.writeFieldName(START_DATE);
      g.writeNumber(s.startDate());
      OptionalFields.number(g, STOP_DATE, s.stopDate());
      OptionalFields.tree(g, INPUT, s.input());
      OptionalFields.tree(g, OUTPUT, s.output());
      OptionalFields.text(g, ERROR, s.error());
      OptionalFields.text(g, CAUSE, s.cause());
      g.writeFieldName(REDRIVE_COUNT);
      g.writeNumber(s.redriveCount());
      OptionalFields.text(g, ALIAS_ARN, s.stateMachineAliasArn());
      OptionalFields.number(g, REDRIVE_DATE, s.redriveDate());
      OptionalFields.text(g, REVISION_ID, s.revisionId());
      OptionalFields.text(g, TRACE_HEADER, s.traceHeader());
      OptionalFields.text(g, MAP_RUN_ARN, s.mapRunArn());
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the ExecutionSummary of " + s.executionArn(), e);
    }
  }
}
