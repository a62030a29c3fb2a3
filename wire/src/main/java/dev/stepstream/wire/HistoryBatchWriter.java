package dev.stepstream.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link HistoryBatch} straight from {@link HistoryEvent}s with Jackson's streaming
 * generator: the same bytes as {@code WireJson.encode(HistoryBatch.of(arn, events))}, without the
 * intermediate records and the reflective record and tree serialisers. This is the processor's hot
 * path: it runs once per transition. A state's output text is usually also the next state's input
 * text (the very same {@code String}), so long texts are escaped once per batch and then copied.
 */
public final class HistoryBatchWriter {
  private static final SerializableString TYPE = new SerializedString("type");
  private static final SerializableString BATCH = new SerializedString("HistoryBatch");
  private static final SerializableString VERSION = new SerializedString("version");
  private static final SerializableString EXECUTION_ARN = new SerializedString("executionArn");
  private static final SerializableString EVENTS = new SerializedString("events");
  private static final SerializableString ID = new SerializedString("id");
  private static final SerializableString PREVIOUS_EVENT_ID = new SerializedString("previousEventId");
  private static final SerializableString TIMESTAMP = new SerializedString("timestamp");
  private static final SerializableString EVENT_TYPE = new SerializedString("eventType");
  private static final SerializableString DETAILS_NAME = new SerializedString("detailsName");
  private static final SerializableString DETAILS = new SerializedString("details");
  private static final SerializableString WORKER_OUTPUT = new SerializedString("workerOutput");

  /** Texts shorter than this are escaped each time; caching them would cost more than it saves. */
  private static final int REUSED_TEXT_MIN_LENGTH = 32;

  private final JsonGenerator g;
  private final Map<String, SerializableString> escaped = new IdentityHashMap<>();

  private HistoryBatchWriter(JsonGenerator g) {
    this.g = g;
  }

  /** The batch's JSON bytes; every event must belong to {@code executionArn} (not checked here). */
  public static byte[] encode(String executionArn, List<HistoryEvent> events) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(256 + 192 * events.size());
        JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName(TYPE);
      g.writeString(BATCH);
      g.writeFieldName(VERSION);
      g.writeNumber(WireVersions.CURRENT);
      g.writeFieldName(EXECUTION_ARN);
      g.writeString(executionArn);
      g.writeFieldName(EVENTS);
      g.writeStartArray();
      HistoryBatchWriter writer = new HistoryBatchWriter(g);
      for (HistoryEvent event : events) {
        writer.writeEntry(event);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a HistoryBatch of " + executionArn, e);
    }
  }

  private void writeEntry(HistoryEvent event) throws IOException {
    g.writeStartObject();
    g.writeFieldName(ID);
    g.writeNumber(event.id());
    g.writeFieldName(PREVIOUS_EVENT_ID);
    g.writeNumber(event.previousEventId());
    g.writeFieldName(TIMESTAMP);
    g.writeNumber(event.timestamp());
    g.writeFieldName(EVENT_TYPE);
    g.writeString(event.eventType());
    if (event.detailsName() != null) {
      g.writeFieldName(DETAILS_NAME);
      g.writeString(event.detailsName());
    }
    if (event.details() != null) {
      g.writeFieldName(DETAILS);
      writeNode(event.details());
    }
    if (event.workerOutput() != null) {
      g.writeFieldName(WORKER_OUTPUT);
      g.writeStartArray();
      for (String line : event.workerOutput()) {
        g.writeString(line);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private void writeNode(JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          g.writeFieldName(field.getKey());
          writeNode(field.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode element : node) {
          writeNode(element);
        }
        g.writeEndArray();
      }
      case STRING -> writeText(node.textValue());
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL -> g.writeNull();
      case NUMBER -> JsonTreeWriter.number(g, node);
      default -> g.writeTree(node); // binary and POJO nodes are rare
    }
  }

  private void writeText(String text) throws IOException {
    if (text.length() < REUSED_TEXT_MIN_LENGTH) {
      g.writeString(text);
      return;
    }
    g.writeString(escaped.computeIfAbsent(text, SerializedString::new));
  }
}
