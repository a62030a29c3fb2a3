package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TransitionSpansTest {
  private static final TraceContext EXECUTION =
      TraceContext.fromTraceparent("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01").orElseThrow();

  @Test
  void shouldRecordAChildSpanOfTheExecutionAndNameItAsTheTaskRequestsParent() {
    List<SpanData> exported = new CopyOnWriteArrayList<>();
    try (SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(new Collecting(exported))).build()) {
      TransitionSpans spans = new TransitionSpans(provider.get("test"));
      ExecutionTraces.Trace trace = new ExecutionTraces.Trace(EXECUTION, "h", null);

      Span span = spans.start(trace, "TaskSucceeded", "arn:exec", "Resize", 1_000_000L);
      String taskParent = TransitionSpans.parentFor(trace, span).traceparentFor(new byte[] {1});
      span.end();

      SpanData data = exported.get(0);
      assertThat(data.getName()).isEqualTo("stepstream.apply TaskSucceeded");
      assertThat(data.getTraceId()).isEqualTo(EXECUTION.traceId());
      assertThat(data.getParentSpanId()).isEqualTo(EXECUTION.spanId());
      assertThat(taskParent).isEqualTo("00-" + EXECUTION.traceId() + "-" + data.getSpanId() + "-01");
    }
  }

  @Test
  void shouldRecordNothingAndDeriveTaskSpansWithoutAnSdk() {
    ExecutionTraces.Trace trace = new ExecutionTraces.Trace(EXECUTION, "h", null);

    Span span = new TransitionSpans().start(trace, "TaskSucceeded", "arn:exec", "Resize", 1L);

    assertThat(span).isNull();
    assertThat(TransitionSpans.parentFor(trace, null).traceparentFor(new byte[] {1}))
        .startsWith("00-" + EXECUTION.traceId() + "-").doesNotContain(EXECUTION.spanId());
  }

  private record Collecting(List<SpanData> out) implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      out.addAll(spans);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
