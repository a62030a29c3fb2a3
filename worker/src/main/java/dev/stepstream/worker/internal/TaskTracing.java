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
    Optional<TraceContext> context = isPlainTraceparent(value) ? plain(value) : TraceContext.fromTraceparent(value);
    return context.isPresent() ? new Trace(value, context.get()) : null;
  }

  /** {@code 00-<32 hex>-<16 hex>-<2 hex>} in lower case, as the engine writes it: read without a regex. */
  private static boolean isPlainTraceparent(String value) {
    if (value.length() != 55 || !value.startsWith("00-") || value.charAt(35) != '-' || value.charAt(52) != '-') {
      return false;
    }
    for (int i = 3; i < 55; i++) {
      char c = value.charAt(i);
      if (i != 35 && i != 52 && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static Optional<TraceContext> plain(String value) {
    try {
      return Optional.of(new TraceContext(value.substring(3, 35), value.substring(36, 52),
          (Character.digit(value.charAt(54), 16) & 1) == 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // an all-zero id
    }
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
