package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskSucceededReaderTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:M:e1";
  private static final String FIELDS = "\"executionArn\":\"" + ARN + "\",\"taskToken\":\"tok\"";

  @Test
  void shouldReadWhatTheRecordSerialiserWrites() {
    TaskSucceeded written = new TaskSucceeded(1, ARN, "tok",
        JsonNodeFactory.instance.objectNode().put("n", 1.5).put("s", "x").set("a",
            JsonNodeFactory.instance.arrayNode().add(1).add(12345678901L).addNull()),
        List.of("line one", "line two"));

    assertThat(TaskSucceededReader.read(WireJson.mapper(), WireJson.encode(written))).isEqualTo(written);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"TaskSucceeded\",\"version\":1," + FIELDS + ",\"output\":{\"a\":[1,2.5,\"x\",null,true]}}",
      "{\"version\":1," + FIELDS + ",\"output\":\"plain\",\"type\":\"TaskSucceeded\"}",
      "{\"type\":\"TaskSucceeded\",\"version\":1," + FIELDS + ",\"output\":7,\"workerOutput\":null}",
      "{\"type\":\"TaskSucceeded\",\"version\":1," + FIELDS + ",\"output\":[],\"workerOutput\":[\"a\",\"b\"]}",
      " {\"type\" : \"TaskSucceeded\", \"version\" : 1, " + FIELDS + ", \"output\" : {}} "})
  void shouldReadTheWorkersShapeAsDataBindingDoes(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    TaskSucceeded read = TaskSucceededReader.read(WireJson.mapper(), bytes);

    assertThat(read).isNotNull().isEqualTo(WireJson.mapper().readValue(bytes, WireRecord.class));
    assertThat(WireJson.decode(bytes, WireRecord.class)).isEqualTo(read);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"TaskSucceeded\",\"version\":1," + FIELDS + ",\"output\":{},\"extra\":1}",
      "{\"type\":\"TaskSucceeded\",\"version\":\"1\"," + FIELDS + ",\"output\":{}}",
      "{\"type\":\"TaskSucceeded\",\"version\":1.0," + FIELDS + ",\"output\":{}}",
      "{\"type\":\"TaskSucceeded\",\"version\":1," + FIELDS + ",\"output\":{},\"version\":1}",
      "{\"type\":\"TaskSucceeded\",\"version\":1," + FIELDS + ",\"output\":null}",
      "{\"type\":\"TaskSucceeded\",\"version\":1," + FIELDS + ",\"output\":{}} {}",
      "{\"type\":\"TaskSucceeded\",\"version\":1," + FIELDS + ",\"output\":{},\"workerOutput\":[1]}",
      "{\"type\":\"TaskSucceeded\",\"version\":1," + FIELDS + ",\"output\":{},\"workerOutput\":\"a\"}",
      "{\"type\":\"TaskSucceeded\",\"version\":1,\"executionArn\":\"" + ARN + "\",\"output\":{}}",
      "{\"type\":\"TaskSucceeded\",\"version\":1,\"executionArn\":\"\",\"taskToken\":\"tok\",\"output\":{}}",
      "{\"type\":\"TaskFailed\",\"version\":1," + FIELDS + ",\"error\":\"E\"}",
      "{\"version\":1," + FIELDS + ",\"output\":{}}",
      "[1]",
      "not json"})
  void shouldLeaveEveryOtherShapeToDataBinding(String json) {
    assertThat(TaskSucceededReader.read(WireJson.mapper(), json.getBytes(StandardCharsets.UTF_8))).isNull();
  }

  @Test
  void shouldReportARefusedFieldAsDataBindingDoes() {
    byte[] emptyArn = ("{\"type\":\"TaskSucceeded\",\"version\":1,\"executionArn\":\"\",\"taskToken\":\"tok\","
        + "\"output\":{}}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> WireJson.decode(emptyArn, WireRecord.class)).isInstanceOf(WireFormatException.class)
        .hasMessageContaining("executionArn");
  }

  @Test
  void shouldDecodeOtherRecordsAsBefore() {
    TaskFailed failed = new TaskFailed(1, ARN, "tok", "States.TaskFailed", "cause");

    assertThat(WireJson.decode(WireJson.encode(failed), WireRecord.class)).isEqualTo(failed);
    assertThat(WireJson.decode(WireJson.encode(failed), TaskResult.class)).isEqualTo(failed);
  }
}
