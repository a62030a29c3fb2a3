package dev.stepstream.worker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.RawJson;
import java.io.IOException;

/**
 * A task request whose input stays UTF-8 JSON until the handler asks for it and whose context object
 * is parsed only when asked; the whole {@link TaskRequest} is built only for {@link #toRequest()}.
 * Decoding accepts exactly what {@code WireJson.decode(bytes, TaskRequest.class)} accepts: a value
 * {@link TaskRequestReader} does not take is decoded by WireJson, which then reports it or decodes
 * it. The lazily built values are built on first use (threads that race there build equal values).
 * Not part of the API.
 */
public final class LazyTaskRequest {
  private final TaskRequestFields fields;
  private final RawJson input;
  private final byte[] source;
  private final int contextFrom;
  private final int contextTo;
  private volatile JsonNode context;
  private volatile TaskRequest request;

  /** The request's scalar fields, as read. */
  record TaskRequestFields(int version, String executionArn, String taskToken, String resource, String taskName,
      String stateName, int attempt, Long timeoutSeconds, Long heartbeatSeconds, long scheduledAt) {}

  /** @param contextFrom where the context object starts in {@code source}, or -1 when it is absent */
  LazyTaskRequest(TaskRequestFields fields, RawJson input, byte[] source, int contextFrom, int contextTo) {
    this.fields = fields;
    this.input = input;
    this.source = source;
    this.contextFrom = contextFrom;
    this.contextTo = contextTo;
  }

  /**
   * @throws dev.stepstream.wire.WireFormatException as {@code WireJson.decode} throws it for the same bytes
   */
  public static LazyTaskRequest decode(byte[] bytes) {
    LazyTaskRequest read = bytes == null ? null : TaskRequestReader.read(bytes);
    return read != null ? read : of(WireJson.decode(bytes, TaskRequest.class));
  }

  /** A request that was decoded already (the test harness, and requests of unusual spelling). */
  public static LazyTaskRequest of(TaskRequest request) {
    byte[] input;
    try {
      input = WireJson.mapper().writeValueAsBytes(request.input());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the input of task " + request.taskToken(), e);
    }
    LazyTaskRequest lazy = new LazyTaskRequest(new TaskRequestFields(request.version(), request.executionArn(),
        request.taskToken(), request.resource(), request.taskName(), request.stateName(), request.attempt(),
        request.timeoutSeconds(), request.heartbeatSeconds(), request.scheduledAt()), RawJson.of(input), null, -1, -1);
    lazy.context = request.context();
    lazy.request = request;
    return lazy;
  }

  public String executionArn() {
    return fields.executionArn();
  }

  public String taskToken() {
    return fields.taskToken();
  }

  public String taskName() {
    return fields.taskName();
  }

  public String stateName() {
    return fields.stateName();
  }

  public int attempt() {
    return fields.attempt();
  }

  public Long timeoutSeconds() {
    return fields.timeoutSeconds();
  }

  public Long heartbeatSeconds() {
    return fields.heartbeatSeconds();
  }

  /** The task input as received. */
  public RawJson input() {
    return input;
  }

  /** The context object ({@code $$}), parsed on the first call; null when the request has none. */
  public JsonNode context() {
    JsonNode parsed = context;
    if (parsed == null && contextFrom >= 0) {
      try {
        parsed = WireJson.mapper().readTree(source, contextFrom, contextTo - contextFrom);
      } catch (IOException e) {
        throw new IllegalStateException("the context object of task " + taskToken() + " cannot be read", e);
      }
      context = parsed;
    }
    return parsed;
  }

  /** The whole request, built on the first call. */
  public TaskRequest toRequest() {
    TaskRequest built = request;
    if (built == null) {
      TaskRequestFields f = fields;
      built = new TaskRequest(f.version(), f.executionArn(), f.taskToken(), f.resource(), f.taskName(), f.stateName(),
          input.tree(), f.attempt(), f.timeoutSeconds(), f.heartbeatSeconds(), context(), f.scheduledAt());
      request = built;
    }
    return built;
  }
}
