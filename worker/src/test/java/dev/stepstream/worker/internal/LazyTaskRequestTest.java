package dev.stepstream.worker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskRequestWriter;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LazyTaskRequestTest {

  private static TaskRequest request(String inputJson, Long timeout, Long heartbeat, JsonNode context) throws Exception {
    return new TaskRequest(1, "arn:aws:states:us-east-1:123456789012:execution:sm:é1", "tok-1",
        "arn:aws:lambda:us-east-1:123456789012:function:Echo", "Echo", "Echo \"state\"",
        WireJson.mapper().readTree(inputJson), 3, timeout, heartbeat, context, 1_733_370_000_000L);
  }

  private static ObjectNode context() {
    ObjectNode context = WireJson.mapper().createObjectNode();
    context.putObject("Execution").put("Id", "arn").putObject("Input").put("order", 42);
    context.putObject("Task").put("Token", "tok-1");
    return context;
  }

  @Test
  void shouldDecodeWhatTheEngineWritesToTheSameRequestWithoutBuildingItsTrees() throws Exception {
    List<TaskRequest> requests = List.of(request("{\"order\":42}", null, null, context()),
        request("[1,\"two\",{\"three\":3.5}]", 300L, 60L, context()), request("null", null, 10L, null),
        request("\"a \\\"string\\\" é 😀\"", 5_000_000_000L, null, WireJson.mapper().createObjectNode()),
        request("12345678901234567890123", null, null, context()));
    for (TaskRequest request : requests) {
      byte[] bytes = TaskRequestWriter.encode(request);

      LazyTaskRequest lazy = TaskRequestReader.read(bytes);

      assertThat(lazy).as("read by the streaming reader").isNotNull();
      assertThat(lazy.toRequest()).isEqualTo(WireJson.decode(bytes, TaskRequest.class)).isEqualTo(request);
      assertThat(lazy.input().bytes()).isEqualTo(WireJson.mapper().writeValueAsBytes(request.input()));
    }
  }

  @Test
  void shouldDecodeOtherSpellingsOfAValidRequestAsWireJsonDoes() {
    List<String> spellings = List.of(
        // fields in another order, spaces, unknown fields
        "{ \"version\" : 1, \"extra\": {\"x\": [1, 2]}, \"type\": \"TaskRequest\", \"executionArn\": \"arn:e\","
            + " \"taskToken\": \"t\", \"resource\": \"r\", \"taskName\": \"n\", \"stateName\": \"s\","
            + " \"input\" : { \"a\" : [ 1 , 2 ] } , \"attempt\": 1, \"context\": null, \"scheduledAt\": 7 }",
        // an attempt written as a string (Jackson coerces it), a duplicate field
        base().replace("\"attempt\":1", "\"attempt\":\"2\""),
        base().replace("\"taskName\":\"n\"", "\"taskName\":\"n\",\"taskName\":\"m\""));
    for (String json : spellings) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

      assertThat(LazyTaskRequest.decode(bytes).toRequest()).as(json).isEqualTo(WireJson.decode(bytes, TaskRequest.class));
    }
  }

  @Test
  void shouldRejectWhatWireJsonRejectsWithTheSameMessage() {
    List<String> invalid = List.of("", "not json", "null", "[]", "{\"type\":\"TaskSucceeded\"}",
        base().replace("\"version\":1", "\"version\":2"), base().replace("\"executionArn\":\"arn:e\"", "\"executionArn\":\" \""),
        base().replace(",\"input\":{\"a\":[1,2]}", ""), base().replace("{\"a\":[1,2]}", "{\"a\":[1,2}"),
        base().replace("\"type\":\"TaskRequest\",", ""), base().replace("\"scheduledAt\":7", "\"scheduledAt\":null"),
        base().replace(",\"scheduledAt\":7", ""));
    for (String json : invalid) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      Throwable expected = catchThrowable(() -> WireJson.decode(bytes, TaskRequest.class));

      assertThat(expected).as(json).isInstanceOf(WireFormatException.class);
      assertThatThrownBy(() -> LazyTaskRequest.decode(bytes)).as(json).isInstanceOf(WireFormatException.class)
          .hasMessage(expected.getMessage());
    }
    assertThatThrownBy(() -> LazyTaskRequest.decode(null)).isInstanceOf(WireFormatException.class);
  }

  @Test
  void shouldParseTheContextObjectOnlyWhenAskedAndKeepIt() throws Exception {
    TaskRequest request = request("{}", null, null, context());
    LazyTaskRequest lazy = LazyTaskRequest.decode(TaskRequestWriter.encode(request));

    assertThat(lazy.context()).isEqualTo(context()).isSameAs(lazy.context());
    assertThat(lazy.toRequest()).isSameAs(lazy.toRequest());
    assertThat(LazyTaskRequest.decode(TaskRequestWriter.encode(request("{}", null, null, null))).context()).isNull();
  }

  private static String base() {
    return "{\"type\":\"TaskRequest\",\"version\":1,\"executionArn\":\"arn:e\",\"taskToken\":\"t\",\"resource\":\"r\","
        + "\"taskName\":\"n\",\"stateName\":\"s\",\"input\":{\"a\":[1,2]},\"attempt\":1,\"scheduledAt\":7}";
  }

  private static Throwable catchThrowable(Runnable call) {
    try {
      call.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
