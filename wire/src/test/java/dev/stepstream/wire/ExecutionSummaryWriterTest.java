package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExecutionSummaryWriterTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Pedidos:n\u00famero-\"1\"";
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Pedidos";

  private static JsonNode json(String text) throws Exception {
    return WireJson.mapper().readTree(text);
  }

  @Test
  void shouldWriteTheSameBytesAsTheRecordSerialiser() throws Exception {
    JsonNode input = json("{\"a\":[1,2.50,-3e10,\"x\\n\",null,true],\"b\":{\"c\":12345678901234567890}}");
    ExecutionSummary running = new ExecutionSummary(1, ARN, MACHINE, "n\u00famero", ExecutionStatus.RUNNING,
        1_767_225_600_123L, null, input, null, null, null, 0);
    ExecutionSummary failed = new ExecutionSummary(1, ARN, MACHINE, "n\u00famero", ExecutionStatus.FAILED,
        1_767_225_600_123L, 1_767_225_601_000L, input, NullNode.getInstance(), "States.TaskFailed", "it \u2603 broke",
        2, MACHINE + ":prod", 1_767_225_600_500L, "rev-1", "Root=1-5759e988-bd862e3fe1be46a994272793", null);
    ExecutionSummary child = new ExecutionSummary(1, ARN, MACHINE, "c", ExecutionStatus.SUCCEEDED, 1L, 2L,
        json("\"just a string\""), json("{\"ok\":true}"), null, null, 0, null, null, null, null,
        "arn:aws:states:us-east-1:123456789012:mapRun:Pedidos/m:1");

    for (ExecutionSummary s : new ExecutionSummary[] {running, failed, child}) {
      assertThat(new String(ExecutionSummaryWriter.encode(s), StandardCharsets.UTF_8))
          .isEqualTo(new String(WireJson.encode(s), StandardCharsets.UTF_8));
    }
  }

  @Test
  void shouldBeReadBackAsTheSameSummary() throws Exception {
    ExecutionSummary s = new ExecutionSummary(1, ARN, MACHINE, "e", ExecutionStatus.SUCCEEDED, 10L, 20L,
        json("{\"order\":42}"), json("[1,2]"), null, null, 1, null, 15L, "rev-2", null);

    assertThat(WireJson.decode(ExecutionSummaryWriter.encode(s), ExecutionSummary.class)).isEqualTo(s);
  }
}
