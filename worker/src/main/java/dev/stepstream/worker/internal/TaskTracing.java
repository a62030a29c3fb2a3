package dev.stepstream.worker.internal;

import dev.stepstream.wire.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context a task request carries in its {@code traceparent} header: made the current
 * OpenTelemetry context (a remote parent span) while the handler runs, so spans a handler starts
 * with an OpenTelemetry SDK join the execution's trace, and written back on the task's result and
 * heartbeat records.
 */
final class TaskTracing {
  private TaskTracing() {}

  /** The request's traceparent, or null when it has none (or not a valid one). */
  static String traceparentOf(Headers headers) {
    Header header = headers.lastHeader(TraceContext.HEADER);
    if (header == null) {
      return null;
    }
    String value = new String(header.value(), StandardCharsets.UTF_8);
    return TraceContext.fromTraceparent(value).isPresent() ? value : null;
  }

  /** Makes the trace current on this thread until the scope is closed; a no-op scope without one. */
  static Scope makeCurrent(String traceparent) {
    Optional<TraceContext> trace = TraceContext.fromTraceparent(traceparent);
    if (trace.isEmpty()) {
      return Scope.noop();
    }
    TraceContext t = trace.get();
    SpanContext remote = SpanContext.createFromRemoteParent(t.traceId(), t.spanId(),
        t.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
    return Context.root().with(Span.wrap(remote)).makeCurrent();
  }

  static <K, V> ProducerRecord<K, V> withTraceparent(ProducerRecord<K, V> record, String traceparent) {
    if (traceparent != null) {
      record.headers().add(TraceContext.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
    }
    return record;
  }
}
