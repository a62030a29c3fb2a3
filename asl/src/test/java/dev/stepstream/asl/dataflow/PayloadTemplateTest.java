package dev.stepstream.asl.dataflow;

import static dev.stepstream.asl.testing.JsonFixtures.context;
import static dev.stepstream.asl.testing.JsonFixtures.json;
import static dev.stepstream.asl.testing.JsonFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.InvalidExpressionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {

  private static JsonNode render(String template, JsonNode input) throws InvalidExpressionException {
    return PayloadTemplate.compile(json(template)).evaluate(context(input));
  }

  @Test
  void shouldRenderTheSpecificationExample() throws Exception {
    JsonNode output = render("{'flagged': true, 'parts': {'first.$': '$.vals[0]', 'last3.$': '$.vals[3:]'}}",
        json("{'flagged': 7, 'vals': [0, 10, 20, 30, 40, 50]}"));
    assertThat(output).isEqualTo(json("{'flagged': true, 'parts': {'first': 0, 'last3': [30, 40, 50]}}"));
  }

  @Test
  void shouldReadContextObjectAndVariables() throws Exception {
    EvalContext ctx = context(json("{}"), json("{'Execution': {'Id': 'arn:exec'}}"), Map.of("limit", json("10")));
    JsonNode output = PayloadTemplate.compile(json("{'id.$': '$$.Execution.Id', 'max.$': '$limit'}"))
        .evaluate(ctx);
    assertThat(output).isEqualTo(json("{'id': 'arn:exec', 'max': 10}"));
  }

  @Test
  void shouldEvaluateIntrinsicCalls() throws Exception {
    JsonNode template = parse("{\"greeting.$\": \"States.Format('Hello, {}', $.name)\"}");
    JsonNode output = PayloadTemplate.compile(template).evaluate(context(json("{'name': 'Ada'}")));
    assertThat(output).isEqualTo(json("{'greeting': 'Hello, Ada'}"));
  }

  @Test
  void shouldWalkArraysAndNestedObjects() throws Exception {
    JsonNode output = render("{'list': [1, {'v.$': '$.a'}, [{'w.$': '$.b'}]], 'plain': {'x': 'y'}}",
        json("{'a': 'A', 'b': 'B'}"));
    assertThat(output).isEqualTo(json("{'list': [1, {'v': 'A'}, [{'w': 'B'}]], 'plain': {'x': 'y'}}"));
  }

  @Test
  void shouldShareSubtreesWithoutDynamicKeys() throws Exception {
    JsonNode template = json("{'constant': {'deep': [1, 2]}, 'v.$': '$'}");
    JsonNode output = PayloadTemplate.compile(template).evaluate(context(json("{}")));
    assertThat(output.get("constant")).isSameAs(template.get("constant"));
  }

  @Test
  void shouldCopyKeysThatOnlyLookDynamic() throws Exception {
    assertThat(render("{'a.$b': '$.x', 'price$': 3}", json("{}"))).isEqualTo(json("{'a.$b': '$.x', 'price$': 3}"));
  }

  @Test
  void shouldCollectIndefinitePathMatchesIntoAnArray() throws Exception {
    assertThat(render("{'names.$': '$.people[*].name', 'none.$': '$.people[?(@.age > 99)]'}",
        json("{'people': [{'name': 'a', 'age': 1}, {'name': 'b', 'age': 2}]}")))
        .isEqualTo(json("{'names': ['a', 'b'], 'none': []}"));
  }

  @Test
  void shouldFailWithRuntimeErrorNamingPathFieldAndInputWhenAPathFindsNothing() {
    // AWS documents States.ParameterPathFailure; recorded executions show States.Runtime with this cause.
    assertThatThrownBy(() -> render("{'JobName.$': '$.JobName'}", json("{}")))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo("States.Runtime");
          assertThat(e.causeText())
              .isEqualTo("The JSONPath '$.JobName' specified for the field 'JobName.$' could not be found in the input '{}'");
        });
  }

  @Test
  void shouldPointAtTheOffendingKeyOfAnInvalidPath() {
    assertThatThrownBy(() -> PayloadTemplate.compile(json("{'outer': {'list': [{'bad.$': '$.a['}]}}")))
        .isInstanceOfSatisfying(InvalidExpressionException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_JSON_PATH");
          assertThat(e.relativePointer()).isEqualTo("/outer/list/0/bad.$");
        });
  }

  @Test
  void shouldEscapeSlashAndTildeInPointers() {
    assertThatThrownBy(() -> PayloadTemplate.compile(json("{'a/b': {'c~d.$': 'States.Nope()'}}")))
        .isInstanceOfSatisfying(InvalidExpressionException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_INTRINSIC");
          assertThat(e.relativePointer()).isEqualTo("/a~1b/c~0d.$");
        });
  }

  @Test
  void shouldRejectDynamicValuesThatAreNeitherPathNorIntrinsic() {
    for (String template : new String[] {"{'x.$': 'hello'}", "{'x.$': 5}", "{'x.$': {'a': 1}}"}) {
      assertThatThrownBy(() -> PayloadTemplate.compile(json(template)))
          .isInstanceOfSatisfying(InvalidExpressionException.class, e -> {
            assertThat(e.code()).isEqualTo("INVALID_JSON_PATH");
            assertThat(e.getMessage())
                .isEqualTo("The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call");
            assertThat(e.relativePointer()).isEqualTo("/x.$");
          });
    }
  }

  @Test
  void shouldNotMutateTheTemplateOrTheInput() throws Exception {
    JsonNode template = json("{'a': {'b.$': '$.v'}, 'c': [1]}");
    JsonNode input = json("{'v': {'deep': 1}}");
    JsonNode templateBefore = template.deepCopy();
    JsonNode inputBefore = input.deepCopy();
    PayloadTemplate.compile(template).evaluate(context(input));
    assertThat(template).isEqualTo(templateBefore);
    assertThat(input).isEqualTo(inputBefore);
  }
}
