package dev.stepstream.asl.dataflow;

import static dev.stepstream.asl.testing.JsonFixtures.context;
import static dev.stepstream.asl.testing.JsonFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.path.JsonPathExpressions;
import org.junit.jupiter.api.Test;

class JsonPathDataFlowTest {
  // The input of the AWS InputPath/OutputPath documentation example.
  private static final JsonNode DOCS_INPUT = json("{'comment': 'Example for InputPath.',"
      + " 'dataset1': {'val1': 1, 'val2': 2, 'val3': 3}, 'dataset2': {'val1': 'a', 'val2': 'b', 'val3': 'c'}}");

  @Test
  void shouldSelectTheInputPathLikeTheDocsExample() throws Exception {
    JsonNode selected = JsonPathDataFlow.inputPath(JsonPathExpressions.path("$.dataset2"), context(DOCS_INPUT));
    assertThat(selected).isEqualTo(json("{'val1': 'a', 'val2': 'b', 'val3': 'c'}"));
  }

  @Test
  void shouldPassTheWholeInputForTheDefaultDollarPath() throws Exception {
    assertThat(JsonPathDataFlow.inputPath(JsonPathExpressions.path("$"), context(DOCS_INPUT))).isSameAs(DOCS_INPUT);
  }

  @Test
  void shouldGiveAnEmptyObjectWhenInputPathIsNull() {
    assertThat(JsonPathDataFlow.inputPath(null, context(DOCS_INPUT))).isEqualTo(json("{}"));
  }

  @Test
  void shouldNameTheFirstMissingPropertyWhenInputPathMissesBeforeItsLastStep() {
    // Jayway's wording for a definite path whose intermediate property is absent.
    assertThatThrownBy(() -> JsonPathDataFlow.inputPath(JsonPathExpressions.path("$.dataset3.items[0]"), context(DOCS_INPUT)))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo("States.Runtime");
          assertThat(e.causeText())
              .isEqualTo("Invalid path '$.dataset3.items[0]' : Missing property in path $['dataset3']");
        });
  }

  @Test
  void shouldSayNoResultsWhenOnlyTheLastStepOfInputPathMisses() {
    // Recorded on AWS: "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']".
    assertThatThrownBy(() -> JsonPathDataFlow.inputPath(JsonPathExpressions.path("$.NoSuchInputPath"), context(DOCS_INPUT)))
        .isInstanceOfSatisfying(AslException.class, e -> assertThat(e.causeText())
            .isEqualTo("Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']"));
  }

  @Test
  void shouldSayMissingPropertyWhenOutputPathMissesAnIntermediateProperty() {
    // Recorded on AWS (LocalStack's AWS-validated scenarios/test_base_scenarios, catch_states_runtime):
    // "Invalid path '$.no.such.result.path' : Missing property in path $['no']".
    assertThatThrownBy(() -> JsonPathDataFlow.outputPath(JsonPathExpressions.path("$.no.such.result.path"),
        json("{\"a\":1}"), context(DOCS_INPUT)))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo("States.Runtime");
          assertThat(e.causeText()).isEqualTo("Invalid path '$.no.such.result.path' : Missing property in path $['no']");
        });
  }

  @Test
  void shouldDiscardResultWhenResultPathIsNull() {
    JsonNode result = json("{'ignored': true}");
    assertThat(JsonPathDataFlow.resultPath(null, DOCS_INPUT, result)).isSameAs(DOCS_INPUT);
  }

  @Test
  void shouldPlaceResultAtResultPath() throws Exception {
    JsonNode output = JsonPathDataFlow.resultPath(JsonPathExpressions.resultPath("$.result.sum"), json("{'a': 1}"), json("6"));
    assertThat(output).isEqualTo(json("{'a': 1, 'result': {'sum': 6}}"));
  }

  @Test
  void shouldReplaceInputWithResultForTheDefaultDollarResultPath() throws Exception {
    JsonNode result = json("'Hello, AWS Step Functions!'");
    assertThat(JsonPathDataFlow.resultPath(JsonPathExpressions.resultPath("$"), DOCS_INPUT, result)).isSameAs(result);
  }

  @Test
  void shouldSelectTheOutputPathFromTheValueNotTheStateInput() throws Exception {
    JsonNode value = json("{'Payload': {'ok': true}, 'StatusCode': 200}");
    JsonNode output = JsonPathDataFlow.outputPath(JsonPathExpressions.path("$.Payload"), value, context(DOCS_INPUT));
    assertThat(output).isEqualTo(json("{'ok': true}"));
  }

  @Test
  void shouldGiveAnEmptyObjectWhenOutputPathIsNull() {
    assertThat(JsonPathDataFlow.outputPath(null, DOCS_INPUT, context(DOCS_INPUT))).isEqualTo(json("{}"));
  }

  @Test
  void shouldFailWithRuntimeErrorWhenOutputPathFindsNothing() {
    assertThatThrownBy(() -> JsonPathDataFlow.outputPath(JsonPathExpressions.path("$.Payload"), json("{}"), context(DOCS_INPUT)))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo("States.Runtime");
          assertThat(e.causeText()).isEqualTo("Invalid path '$.Payload' : No results for path: $['Payload']");
        });
  }
}
