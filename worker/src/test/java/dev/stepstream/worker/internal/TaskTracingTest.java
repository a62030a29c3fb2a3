package dev.stepstream.worker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.TraceContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TaskTracingTest {

  @Test
  void shouldReadATraceparentHeaderExactlyAsTheWireParserDoes() {
    List<String> values = List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-ff",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 ",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736+00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g", "garbage", "");
    for (String value : values) {
      RecordHeaders headers = new RecordHeaders();
      headers.add(TraceContext.HEADER, value.getBytes(StandardCharsets.UTF_8));

      TaskTracing.Trace trace = TaskTracing.traceOf(headers);

      assertThat(trace == null ? null : trace.context()).as(value)
          .isEqualTo(TraceContext.fromTraceparent(value).orElse(null));
      assertThat(TaskTracing.traceparent(trace)).as(value).isEqualTo(trace == null ? null : value);
    }
    assertThat(TaskTracing.traceOf(new RecordHeaders())).isNull();
  }
}
