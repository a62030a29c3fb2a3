package dev.stepstream.asl.path;

import static dev.stepstream.asl.testing.JsonFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.InvalidExpressionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultPathTest {
  // The input of the AWS "Specifying state output using ResultPath" examples.
  private static final JsonNode DOCS_INPUT = json("{'comment': 'This is a test of the input and output of a Task state.',"
      + " 'details': 'Default example', 'who': 'AWS Step Functions'}");
  private static final JsonNode DOCS_RESULT = json("'Hello, AWS Step Functions!'");

  @Test
  void shouldReplaceTheWholeInputWhenResultPathIsDollar() throws Exception {
    assertThat(JsonPathExpressions.resultPath("$").apply(DOCS_INPUT, DOCS_RESULT)).isSameAs(DOCS_RESULT);
  }

  @Test
  void shouldAddTheResultNextToTheInputFieldsLikeTheDocsExample() throws Exception {
    JsonNode output = JsonPathExpressions.resultPath("$.taskresult").apply(DOCS_INPUT, DOCS_RESULT);
    assertThat(output).isEqualTo(json("{'comment': 'This is a test of the input and output of a Task state.',"
        + " 'details': 'Default example', 'who': 'AWS Step Functions', 'taskresult': 'Hello, AWS Step Functions!'}"));
  }

  @Test
  void shouldReplaceAnExistingFieldLikeTheDocsExample() throws Exception {
    JsonNode output = JsonPathExpressions.resultPath("$.comment").apply(DOCS_INPUT, DOCS_RESULT);
    assertThat(output.get("comment")).isEqualTo(DOCS_RESULT);
    assertThat(output.get("who")).isEqualTo(json("'AWS Step Functions'"));
  }

  @Test
  void shouldCreateMissingIntermediateObjects() throws Exception {
    JsonNode output = JsonPathExpressions.resultPath("$.a.b.c").apply(json("{'x': 1}"), json("42"));
    assertThat(output).isEqualTo(json("{'x': 1, 'a': {'b': {'c': 42}}}"));
  }

  @Test
  void shouldKeepSiblingsOfExistingIntermediateObjects() throws Exception {
    JsonNode output = JsonPathExpressions.resultPath("$['a']['b c']").apply(json("{'a': {'keep': true}}"), json("1"));
    assertThat(output).isEqualTo(json("{'a': {'keep': true, 'b c': 1}}"));
  }

  @Test
  void shouldReplaceAnElementOfAnExistingArray() throws Exception {
    JsonNode output = JsonPathExpressions.resultPath("$.list[-1].v").apply(json("{'list': [{'v': 1}, {'v': 2}]}"), json("9"));
    assertThat(output).isEqualTo(json("{'list': [{'v': 1}, {'v': 9}]}"));
  }

  @Test
  void shouldNeverMutateTheInput() throws Exception {
    JsonNode input = json("{'a': {'b': 1}, 'list': [1, 2]}");
    JsonNode before = input.deepCopy();
    JsonPathExpressions.resultPath("$.a.c").apply(input, json("2"));
    JsonPathExpressions.resultPath("$.list[0]").apply(input, json("0"));
    assertThat(input).isEqualTo(before);
  }

  @Test
  void shouldFailWithResultPathMatchFailureWhenCrossingANonObject() throws Exception {
    JsonNode input = json("{'a': 'text'}");
    assertThatThrownBy(() -> JsonPathExpressions.resultPath("$.a.b").apply(input, json("1")))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo("States.ResultPathMatchFailure");
          assertThat(e.causeText()).isEqualTo("Unable to apply ReferencePath $.a.b to input {\"a\":\"text\"}");
        });
  }

  @Test
  void shouldFailWhenTheInputIsNotAnObject() throws Exception {
    assertThatThrownBy(() -> JsonPathExpressions.resultPath("$.x").apply(json("'hello'"), json("1")))
        .isInstanceOfSatisfying(AslException.class,
            e -> assertThat(e.causeText()).isEqualTo("Unable to apply ReferencePath $.x to input \"hello\""));
  }

  @Test
  void shouldFailWhenAnArrayIndexIsOutOfRange() throws Exception {
    assertThatThrownBy(() -> JsonPathExpressions.resultPath("$.list[5]").apply(json("{'list': []}"), json("1")))
        .isInstanceOf(AslException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"$$.Execution", "$var.x", "$.a[*]", "$..a", "$.a[0:1]", "$['a','b']", "$.a[?(@.b)]", "a"})
  void shouldRejectPathsThatAreNotReferencePaths(String path) {
    assertThatThrownBy(() -> JsonPathExpressions.resultPath(path))
        .isInstanceOfSatisfying(InvalidExpressionException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_JSON_PATH"));
  }
}
