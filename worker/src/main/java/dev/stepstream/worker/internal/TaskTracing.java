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

  /** A request's trace: its traceparent header as received, and what it says. */
  record Trace(String traceparent, TraceContext context) {}

  /** The request's trace, or null when it has no (valid) traceparent. */
  static Trace traceOf(Headers headers) {
    Header header = headers.lastHeader(TraceContext.HEADER);
    if (header == null) {
      return null;
    }
    String value = new String(header.value(), StandardCharsets.UTF_8);
    Optional<TraceContext> context = TraceContext.fromTraceparent(value);
    return context.isPresent() ? new Trace(value, context.get()) : null;
  }

  /** The header value to write back on results, or null. */
  static String traceparent(Trace trace) {
    return trace == null ? null : trace.traceparent();
  }

  /** Makes the trace current on this thread until the scope is closed; a no-op scope without one. */
  static Scope makeCurrent(Trace trace) {
    if (trace == null) {
      return Scope.noop();
    }
    TraceContext t = trace.context();
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
