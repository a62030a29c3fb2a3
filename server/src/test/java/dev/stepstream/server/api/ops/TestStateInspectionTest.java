package dev.stepstream.server.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TestState inspectionLevel (TestState API reference): "INFO: Shows the final state output",
 * "DEBUG: Shows the final state output along with the input and output data processing result",
 * TRACE adds the HTTP request and response of an HTTP Task. InspectionData members: input,
 * afterInputPath, afterParameters, result, afterResultSelector, afterResultPath (JSONPath only),
 * afterArguments (JSONata only).
 */
class TestStateInspectionTest {
  private static JsonNode json(String text) {
    return AwsJson.parse(text).orElseThrow();
  }

  private static JsonNode machine(String state) {
    return json("{\"StartAt\":\"S\",\"States\":{\"S\":" + state + "}}");
  }

  @Test
  void shouldShowEveryJsonPathDataFlowStepAtDebug() {
    JsonNode pass = machine("""
        {"Type":"Pass","InputPath":"$.order","Parameters":{"id.$":"$.id","fixed":1},
         "ResultPath":"$.copied","End":true}""");

    ObjectNode data = TestStateInspection.of("DEBUG", pass, "S", json("{\"order\":{\"id\":7},\"x\":true}"), null)
        .orElseThrow();

    assertThat(data.path("input").asText()).isEqualTo("{\"order\":{\"id\":7},\"x\":true}");
    assertThat(data.path("afterInputPath").asText()).isEqualTo("{\"id\":7}");
    assertThat(data.path("afterParameters").asText()).isEqualTo("{\"id\":7,\"fixed\":1}");
    assertThat(data.path("result").asText()).isEqualTo("{\"id\":7,\"fixed\":1}");
    assertThat(data.path("afterResultSelector").asText()).isEqualTo("{\"id\":7,\"fixed\":1}");
    assertThat(data.path("afterResultPath").asText())
        .isEqualTo("{\"order\":{\"id\":7},\"x\":true,\"copied\":{\"id\":7,\"fixed\":1}}");
  }

  @Test
  void shouldTakeThePassResultAsTheResultAtTrace() {
    JsonNode pass = machine("{\"Type\":\"Pass\",\"Result\":{\"r\":1},\"ResultPath\":\"$.out\",\"End\":true}");

    ObjectNode data = TestStateInspection.of("TRACE", pass, "S", json("{\"a\":2}"), null).orElseThrow();

    assertThat(data.path("result").asText()).isEqualTo("{\"r\":1}");
    assertThat(data.path("afterResultPath").asText()).isEqualTo("{\"a\":2,\"out\":{\"r\":1}}");
    assertThat(data.has("request")).as("no HTTP Task, no request").isFalse();
  }

  @Test
  void shouldShowNoInspectionDataAtInfo() {
    assertThat(TestStateInspection.of("INFO", machine("{\"Type\":\"Succeed\"}"), "S", json("{}"), null)).isEmpty();
    assertThat(TestStateInspection.level(Optional.empty())).isEqualTo("INFO");
  }

  @Test
  void shouldLeaveOutJsonPathStepsForAJsonataState() {
    JsonNode choice = machine("""
        {"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input.a %}","End":true}""");

    ObjectNode data = TestStateInspection.of("DEBUG", choice, "S", json("{\"a\":2}"), null).orElseThrow();

    assertThat(data.path("input").asText()).isEqualTo("{\"a\":2}");
    assertThat(data.has("afterInputPath")).isFalse();
    assertThat(data.has("afterResultPath")).isFalse();
  }

  @Test
  void shouldRefuseAnUnknownInspectionLevelAsAwsDoes() {
    assertThatThrownBy(() -> TestStateInspection.level(Optional.of("VERBOSE")))
        .isInstanceOf(AwsException.class)
        .hasMessage("1 validation error detected: Value 'VERBOSE' at 'inspectionLevel' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [INFO, DEBUG, TRACE]");
  }
}
