package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TaskRequestWriterTest {
  private static JsonNode json(String text) throws Exception {
    return WireJson.mapper().readTree(text);
  }

  private static TaskRequest request(JsonNode input, Long timeout, Long heartbeat, JsonNode context) {
    return new TaskRequest(1, "arn:aws:states:us-east-1:123456789012:execution:M:e\u00e9", "tok\"en",
        "arn:aws:lambda:us-east-1:123456789012:function:Echo", "Echo", "Step \u2603", input, 2, timeout, heartbeat,
        context, 1_767_225_600_123L);
  }

  @Test
  void shouldWriteTheSameBytesAsTheRecordSerialiser() throws Exception {
    JsonNode input = json("{\"a\":[1,2.50,-3e10,\"x\\n\",null,true],\"b\":{\"c\":12345678901234567890,\"d\":0.1}}");
    JsonNode context = json("{\"Execution\":{\"Id\":\"arn\",\"Input\":{\"order\":42}},\"State\":{\"RetryCount\":0}}");

    for (TaskRequest r : new TaskRequest[] {request(input, 30L, 5L, context), request(input, null, null, null),
        request(json("\"just a string\""), null, 7L, context),
        request(WireJson.mapper().getNodeFactory().numberNode(new BigDecimal("1.10")), 1L, null, context)}) {
      assertThat(new String(TaskRequestWriter.encode(r), StandardCharsets.UTF_8))
          .isEqualTo(new String(WireJson.encode(r), StandardCharsets.UTF_8));
    }
  }

  @Test
  void shouldBeReadBackAsTheSameRequest() throws Exception {
    TaskRequest r = request(json("{\"order\":42}"), 30L, null, json("{\"Task\":{\"Token\":\"t\"}}"));

    assertThat(WireJson.decode(TaskRequestWriter.encode(r), TaskRequest.class)).isEqualTo(r);
  }
}
