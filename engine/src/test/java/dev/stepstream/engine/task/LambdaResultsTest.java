package dev.stepstream.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lambda:invoke result envelope (LocalStack's AWS-validated services/test_lambda_task_service). */
class LambdaResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long NOW = 1_700_000_000_000L;

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void shouldCarryAwsWholeResponseEnvelope() throws Exception {
    JsonNode result = LambdaResults.invokeResult(json("{}"), json("{\"FunctionName\":\"f\"}"), "rid", NOW);
    assertThat(names(result)).containsExactly("ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata",
        "StatusCode");
    assertThat(result.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
    assertThat(result.get("StatusCode").asInt()).isEqualTo(200);
    assertThat(result.get("SdkResponseMetadata")).isEqualTo(json("{\"RequestId\":\"rid\"}"));
    JsonNode http = result.get("SdkHttpMetadata");
    assertThat(names(http)).containsExactly("AllHttpHeaders", "HttpHeaders", "HttpStatusCode");
    assertThat(names(http.get("AllHttpHeaders"))).containsExactly("X-Amz-Executed-Version",
        "x-amzn-Remapped-Content-Length", "Connection", "x-amzn-RequestId", "Content-Length", "Date", "X-Amzn-Trace-Id",
        "Content-Type");
    assertThat(names(http.get("HttpHeaders"))).containsExactly("Connection", "Content-Length", "Content-Type", "Date",
        "X-Amz-Executed-Version", "x-amzn-Remapped-Content-Length", "x-amzn-RequestId", "X-Amzn-Trace-Id");
    assertThat(http.get("HttpHeaders").get("Content-Length").asText()).isEqualTo("2");
    assertThat(http.get("HttpHeaders").get("Date").asText()).isEqualTo("Tue, 14 Nov 2023 22:13:20 GMT");
    assertThat(http.get("AllHttpHeaders").get("x-amzn-RequestId")).isEqualTo(json("[\"rid\"]"));
  }

  @Test
  void shouldAddLogResultWhenLogTypeIsTail() throws Exception {
    JsonNode result = LambdaResults.invokeResult(json("{}"), json("{\"FunctionName\":\"f\",\"LogType\":\"Tail\"}"),
        "rid", NOW);
    assertThat(names(result)).containsExactly("ExecutedVersion", "LogResult", "Payload", "SdkHttpMetadata",
        "SdkResponseMetadata", "StatusCode");
    String log = new String(Base64.getDecoder().decode(result.get("LogResult").asText()), StandardCharsets.UTF_8);
    assertThat(log).startsWith("START RequestId: rid Version: $LATEST");
    assertThat(result.get("SdkHttpMetadata").get("HttpHeaders").get("X-Amz-Log-Result").asText())
        .isEqualTo(result.get("LogResult").asText());
  }

  @Test
  void shouldReportANumericQualifierAsTheExecutedVersion() throws Exception {
    assertThat(LambdaResults.executedVersion(json("{\"FunctionName\":\"f\",\"Qualifier\":\"3\"}"))).isEqualTo("3");
    assertThat(LambdaResults.executedVersion(json("{\"FunctionName\":\"arn:aws:lambda:r:1:function:f:7\"}")))
        .isEqualTo("7");
    assertThat(LambdaResults.executedVersion(json("{\"FunctionName\":\"f:prod\"}"))).isEqualTo("$LATEST");
  }

  @Test
  void shouldDeriveTheSameRequestIdFromTheSameToken() {
    assertThat(LambdaResults.requestId("token-1")).isEqualTo(LambdaResults.requestId("token-1"))
        .isNotEqualTo(LambdaResults.requestId("token-2"));
  }
}
