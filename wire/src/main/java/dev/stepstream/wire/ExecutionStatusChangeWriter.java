package dev.stepstream.wire;

import static dev.stepstream.wire.ExecutionSummaryWriter.CAUSE;
import static dev.stepstream.wire.ExecutionSummaryWriter.ERROR;
import static dev.stepstream.wire.ExecutionSummaryWriter.EXECUTION_ARN;
import static dev.stepstream.wire.ExecutionSummaryWriter.INPUT;
import static dev.stepstream.wire.ExecutionSummaryWriter.NAME;
import static dev.stepstream.wire.ExecutionSummaryWriter.OUTPUT;
import static dev.stepstream.wire.ExecutionSummaryWriter.REDRIVE_COUNT;
import static dev.stepstream.wire.ExecutionSummaryWriter.START_DATE;
import static dev.stepstream.wire.ExecutionSummaryWriter.STATE_MACHINE_ARN;
import static dev.stepstream.wire.ExecutionSummaryWriter.STATUS;
import static dev.stepstream.wire.ExecutionSummaryWriter.STOP_DATE;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;

/**
 * Writes an {@link ExecutionStatusChange} event with Jackson's streaming generator: the same bytes as
 * serialising {@link ExecutionStatusChange#of}'s tree, without building it. Two events are written per
 * execution (entering RUNNING and the final status), on the processor's hot path.
 */
final class ExecutionStatusChangeWriter {
  // The detail's fields share their names with the summary's (ExecutionSummaryWriter's constants).
  private static final SerializableString VERSION = new SerializedString("version");
  private static final SerializableString ZERO = new SerializedString("0");
  private static final SerializableString ID = new SerializedString("id");
  private static final SerializableString DETAIL_TYPE_NAME = new SerializedString("detail-type");
  private static final SerializableString DETAIL_TYPE = new SerializedString(ExecutionStatusChange.DETAIL_TYPE);
  private static final SerializableString SOURCE_NAME = new SerializedString("source");
  private static final SerializableString SOURCE = new SerializedString(ExecutionStatusChange.SOURCE);
  private static final SerializableString ACCOUNT = new SerializedString("account");
  private static final SerializableString TIME = new SerializedString("time");
  private static final SerializableString REGION = new SerializedString("region");
  private static final SerializableString RESOURCES = new SerializedString("resources");
  private static final SerializableString DETAIL = new SerializedString("detail");
  private static final SerializableString INPUT_DETAILS = new SerializedString("inputDetails");
  private static final SerializableString OUTPUT_DETAILS = new SerializedString("outputDetails");
  private static final SerializableString INCLUDED = new SerializedString("included");

  private ExecutionStatusChangeWriter() {}

  static byte[] encode(ExecutionSummary summary, long timeMillis) {
    String arn = summary.executionArn();
    // the payload texts first: a generator made while another is open gets no recycled buffers
    ExecutionStatusChange.Payloads payloads = ExecutionStatusChange.Payloads.of(summary);
    try (ByteArrayBuilder out = new ByteArrayBuilder(768);
        JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName(VERSION);
      g.writeString(ZERO);
      text(g, ID, ExecutionStatusChange.idOf(summary));
      g.writeFieldName(DETAIL_TYPE_NAME);
      g.writeString(DETAIL_TYPE);
      g.writeFieldName(SOURCE_NAME);
      g.writeString(SOURCE);
      text(g, ACCOUNT, ExecutionStatusChange.arnField(arn, 4));
      text(g, TIME, ExecutionStatusChange.time(timeMillis));
      text(g, REGION, ExecutionStatusChange.arnField(arn, 3));
      g.writeFieldName(RESOURCES);
      g.writeStartArray();
      g.writeString(arn);
      g.writeEndArray();
      g.writeFieldName(DETAIL);
      detail(g, summary, payloads);
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the status change of " + arn, e);
    }
  }

  private static void detail(JsonGenerator g, ExecutionSummary summary, ExecutionStatusChange.Payloads payloads)
      throws IOException {
    g.writeStartObject();
    text(g, EXECUTION_ARN, summary.executionArn());
    text(g, STATE_MACHINE_ARN, summary.stateMachineArn());
    text(g, NAME, summary.name());
    text(g, STATUS, summary.status().name());
    g.writeFieldName(START_DATE);
    g.writeNumber(summary.startDate());
    g.writeFieldName(STOP_DATE);
    if (summary.stopDate() == null) {
      g.writeNull();
    } else {
      g.writeNumber(summary.stopDate().longValue());
    }
    text(g, INPUT, payloads.inputIncluded() ? payloads.input() : null);
    included(g, INPUT_DETAILS, payloads.inputIncluded());
    text(g, OUTPUT, payloads.outputIncluded() ? payloads.output() : null);
    if (payloads.output() == null) {
      g.writeFieldName(OUTPUT_DETAILS);
      g.writeNull();
    } else {
      included(g, OUTPUT_DETAILS, payloads.outputIncluded());
    }
    text(g, ERROR, summary.error());
    text(g, CAUSE, summary.cause());
    g.writeFieldName(REDRIVE_COUNT);
    g.writeNumber(summary.redriveCount());
    g.writeEndObject();
  }

  /** A text field; null is written as JSON null, as the tree's {@code put(name, (String) null)} does. */
  private static void text(JsonGenerator g, SerializableString name, String value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  private static void included(JsonGenerator g, SerializableString name, boolean included) throws IOException {
    g.writeFieldName(name);
    g.writeStartObject();
    g.writeFieldName(INCLUDED);
    g.writeBoolean(included);
    g.writeEndObject();
  }
}
