package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.StartExecution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** The {@code traces} store's format 1, pinned by {@code golden/traces-v1.txt}. */
class TracesGoldenTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:M:run-1";
  private static final String XRAY = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

  @Test
  void shouldReadFormatOneFieldByField() throws IOException {
    ExecutionTraces.Trace trace = ExecutionTraces.parse(ARN, golden()).orElseThrow();

    assertThat(trace.context().traceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
    assertThat(trace.context().spanId()).isEqualTo("53995c3f42cd8ad8");
    assertThat(trace.context().sampled()).isTrue();
    assertThat(trace.header()).isEqualTo(XRAY);
  }

  @Test
  void shouldWriteTheSameBytesForTheSameStart() throws IOException {
    KeyValueStore<String, String> store = new MapStore<>("traces");
    new ExecutionTraces(store).started(new StartExecution(1, ARN, "arn:aws:states:us-east-1:123456789012:stateMachine:M",
        "run-1", JsonNodeFactory.instance.objectNode(), 1L, null, XRAY), 1L);

    assertThat(store.get(ARN)).isEqualTo(golden());
  }

  private static String golden() throws IOException {
    try (InputStream in = TracesGoldenTest.class.getResourceAsStream("/golden/traces-v1.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
