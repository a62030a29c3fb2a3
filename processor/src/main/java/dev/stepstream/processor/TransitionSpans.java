package dev.stepstream.processor;

import dev.stepstream.wire.TraceContext;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/**
 * One OpenTelemetry span per applied input ({@code stepstream.apply <input type>}), a child of the
 * execution's trace, covering the transition from decode to the last output. Spans go to the
 * OpenTelemetry installed globally: nowhere unless {@code stepstream serve --otlp-endpoint} installed
 * an exporting SDK. When a span is recorded, the task requests of the transition name it as their
 * parent, so a worker's spans hang under the transition that scheduled them.
 */
final class TransitionSpans {
  static final String INSTRUMENTATION = "dev.stepstream.processor";
  private final Tracer tracer;

  /** Spans to the global OpenTelemetry (installed by {@code serve}; a no-op otherwise). */
  TransitionSpans() {
    this(GlobalOpenTelemetry.getTracer(INSTRUMENTATION));
  }

  TransitionSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  /** A started span, or null when nothing records spans. */
  Span start(ExecutionTraces.Trace trace, String inputType, String executionArn, String stateName, long startNanos) {
    TraceContext t = trace.context();
    SpanContext parent = SpanContext.createFromRemoteParent(t.traceId(), t.spanId(),
        t.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
    Span span = tracer.spanBuilder("stepstream.apply " + inputType)
        .setParent(Context.root().with(Span.wrap(parent)))
        .setSpanKind(SpanKind.CONSUMER)
        .setStartTimestamp(startNanos, TimeUnit.NANOSECONDS)
        .setAttribute("stepstream.execution_arn", executionArn)
        .setAttribute("stepstream.state_name", stateName == null ? "" : stateName)
        .startSpan();
    return span.isRecording() ? span : null;
  }

  /** The trace whose task requests should name {@code span} as parent. */
  static ExecutionTraces.Trace parentFor(ExecutionTraces.Trace trace, Span span) {
    return span == null ? trace : trace.withParentSpan(span.getSpanContext().getSpanId());
  }
}
