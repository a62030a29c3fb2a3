package dev.stepstream.worker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.RawJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultWriterTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:sm:e\"1\\ é";
  private static final String TOKEN = "AAAAKgAAAAIAAAAAAAAAAQ-_token";
  private static final List<String> OUTPUTS = List.of("{\"order\":42}", "null", "\"text with \\\"quotes\\\", \\n, \\u0001 and é ☃ 😀\"",
      "[1,2.5,-3e10,true,false,null,{}]", "{\"a\":{\"b\":[{\"c\":\"d\"}]},\"big\":123456789012345678901234567890}", "0", "{}");

  @Test
  void shouldWriteTaskSucceededAsTheRecordSerialiserDoesForTreeAndRawOutputs() throws Exception {
    for (String json : OUTPUTS) {
      JsonNode tree = WireJson.mapper().readTree(json);
      byte[] expected = WireJson.encode(new TaskSucceeded(1, ARN, TOKEN, tree, null));

      assertThat(new String(ResultWriter.succeeded(ARN, TOKEN, tree, null))).as(json).isEqualTo(new String(expected));
      RawJson compact = RawJson.of(WireJson.mapper().writeValueAsBytes(tree));
      assertThat(ResultWriter.succeeded(ARN, TOKEN, compact, null)).as(json).isEqualTo(expected);
    }
  }

  @Test
  void shouldWriteTheWorkerOutputBoundedAsTheRecordDoes() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      lines.add("line " + i + " \t \"quoted\" " + "x".repeat(i * 10));
    }
    JsonNode output = WireJson.mapper().createObjectNode().put("ok", true);

    assertThat(ResultWriter.succeeded(ARN, TOKEN, output, lines))
        .isEqualTo(WireJson.encode(new TaskSucceeded(1, ARN, TOKEN, output, lines)));
    assertThat(ResultWriter.succeeded(ARN, TOKEN, output, Collections.emptyList()))
        .isEqualTo(WireJson.encode(new TaskSucceeded(1, ARN, TOKEN, output, List.of())));
  }

  @Test
  void shouldWriteTaskFailedAndTaskHeartbeatAsTheRecordSerialiserDoes() {
    List<TaskFailed> failures = List.of(new TaskFailed(1, ARN, TOKEN, "Image.TooLarge", "12 \"MiB\"\n"),
        new TaskFailed(1, ARN, TOKEN, "java.lang.IllegalStateException", null),
        new TaskFailed(1, ARN, TOKEN, "E", "c", List.of("a", "b")));
    for (TaskFailed failed : failures) {
      assertThat(ResultWriter.failed(failed)).isEqualTo(WireJson.encode(failed));
    }
    for (TaskHeartbeat heartbeat : List.of(new TaskHeartbeat(1, ARN, TOKEN), new TaskHeartbeat(1, ARN, TOKEN, "w-1"))) {
      assertThat(ResultWriter.heartbeat(heartbeat)).isEqualTo(WireJson.encode(heartbeat));
    }
  }
}
