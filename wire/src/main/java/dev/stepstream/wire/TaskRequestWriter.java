package dev.stepstream.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;

/**
 * Writes a {@link TaskRequest} with Jackson's streaming generator: the same bytes as
 * {@code WireJson.encode(request)}, without the reflective record serialiser. It runs once per task
 * round trip on the processor's hot path.
 */
public final class TaskRequestWriter {
  private static final SerializableString TYPE = new SerializedString("type");
  private static final SerializableString TASK_REQUEST = new SerializedString("TaskRequest");
  private static final SerializableString VERSION = new SerializedString("version");
  private static final SerializableString EXECUTION_ARN = new SerializedString("executionArn");
  private static final SerializableString TASK_TOKEN = new SerializedString("taskToken");
  private static final SerializableString RESOURCE = new SerializedString("resource");
  private static final SerializableString TASK_NAME = new SerializedString("taskName");
  private static final SerializableString STATE_NAME = new SerializedString("stateName");
  private static final SerializableString INPUT = new SerializedString("input");
  private static final SerializableString ATTEMPT = new SerializedString("attempt");
  private static final SerializableString TIMEOUT_SECONDS = new SerializedString("timeoutSeconds");
  private static final SerializableString HEARTBEAT_SECONDS = new SerializedString("heartbeatSeconds");
  private static final SerializableString CONTEXT = new SerializedString("context");
  private static final SerializableString SCHEDULED_AT = new SerializedString("scheduledAt");

  private TaskRequestWriter() {}

  public static byte[] encode(TaskRequest r) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(512);
        JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName(TYPE);
      g.writeString(TASK_REQUEST);
      g.writeFieldName(VERSION);
      g.writeNumber(r.version());
      OptionalFields.text(g, EXECUTION_ARN, r.executionArn());
      OptionalFields.text(g, TASK_TOKEN, r.taskToken());
      OptionalFields.text(g, RESOURCE, r.resource());
      OptionalFields.text(g, TASK_NAME, r.taskName());
      OptionalFields.text(g, STATE_NAME, r.stateName());
      OptionalFields.tree(g, INPUT, r.input());
      g.writeFieldName(ATTEMPT);
      g.writeNumber(r.attempt());
      OptionalFields.number(g, TIMEOUT_SECONDS, r.timeoutSeconds());
      OptionalFields.number(g, HEARTBEAT_SECONDS, r.heartbeatSeconds());
      OptionalFields.tree(g, CONTEXT, r.context());
      g.writeFieldName(SCHEDULED_AT);
      g.writeNumber(r.scheduledAt());
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the TaskRequest of " + r.executionArn(), e);
    }
  }
}
