package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OtlpTracingTest {
  private static final String TRACE_ID = "5759e988bd862e3fe1be46a994272793";

  @Test
  void shouldExportSpansOfTheExecutionsTraceOverOtlpHttp() throws Exception {
    List<String> paths = new CopyOnWriteArrayList<>();
    List<byte[]> bodies = new CopyOnWriteArrayList<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext("/", exchange -> {
      paths.add(exchange.getRequestURI().getPath());
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      exchange.getRequestBody().transferTo(body);
      bodies.add(body.toByteArray());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    try (OtlpTracing tracing = OtlpTracing.create(
        "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces")) {
      SpanContext execution = SpanContext.createFromRemoteParent(TRACE_ID, "53995c3f42cd8ad8", TraceFlags.getSampled(),
          TraceState.getDefault());
      tracing.sdk().getTracer("test").spanBuilder("stepstream.apply StartExecution")
          .setParent(Context.root().with(Span.wrap(execution))).startSpan().end();
    } finally {
      collector.stop(0);
    }

    assertThat(paths).containsExactly("/v1/traces");
    byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
    assertThat(indexOf(bodies.get(0), traceId)).as("the trace id in the exported protobuf").isNotNegative();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
