package dev.stepstream.asl.jsonata;

import static dev.stepstream.asl.jsonata.JsonataTesting.context;
import static dev.stepstream.asl.jsonata.JsonataTesting.eval;
import static dev.stepstream.asl.jsonata.JsonataTesting.evalOn;
import static dev.stepstream.asl.jsonata.JsonataTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.RandomSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonataTemplateTest {

  @Test
  void shouldRecogniseOnlyWholeDelimitedStringsAsExpressions() {
    assertThat(JsonataExpressions.isExpression("{% $states.input %}")).isTrue();
    assertThat(JsonataExpressions.isExpression("{%1%}")).isTrue();
    assertThat(JsonataExpressions.isExpression(" {% 1 %}")).isFalse();
    assertThat(JsonataExpressions.isExpression("{% 1 %} ")).isFalse();
    assertThat(JsonataExpressions.isExpression("total: {% 1 %}")).isFalse();
    assertThat(JsonataExpressions.isExpression("{%}")).isFalse();
  }

  @Test
  void shouldReturnLiteralTemplateUnchangedWithoutCopying() throws Exception {
    JsonNode literal = json("{\"static\":\"Hello\",\"list\":[1,{\"a\":null}],\"not\":\"$customerName\"}");

    JsonNode result = JsonataExpressions.template(literal, "Arguments").evaluate(context("{}"));

    assertThat(result).isSameAs(literal);
  }

  @Test
  void shouldTreatStringThatOnlyContainsDelimitersAsLiteral() throws Exception {
    JsonNode value = json("{\"a\":\"cost {% 1 + 1 %}\",\"b\":\" {% 1 %}\"}");

    assertThat(JsonataExpressions.template(value, "Output").evaluate(context("{}"))).isEqualTo(value);
  }

  @Test
  void shouldEvaluateExpressionsNestedInObjectsAndArraysAndShareLiteralSubtrees() throws Exception {
    JsonNode template = json("""
        {"static":"Hello","title":"{% $states.input.title %}","name":"{% $customerName %}",
         "nested":{"list":[1,"{% $states.input.n * 2 %}",{"deep":"{% $uppercase($states.input.title) %}"}]},
         "untouched":{"x":[1,2]}}""");
    EvalContext ctx = EvalContext.of(json("{\"title\":\"Doctor\",\"n\":21}"), json("{}"),
        Map.of("customerName", json("\"María\"")), RandomSource.seeded(1));

    JsonNode result = JsonataExpressions.template(template, "Arguments").evaluate(ctx);

    assertThat(result).isEqualTo(json("""
        {"static":"Hello","title":"Doctor","name":"María",
         "nested":{"list":[1,42,{"deep":"DOCTOR"}]},"untouched":{"x":[1,2]}}"""));
    assertThat(result.get("untouched")).isSameAs(template.get("untouched"));
  }

  @Test
  void shouldBindStatesInputAndContextButNotResultOrErrorOutputWhenAbsent() {
    assertThat(evalOn("$states.input.a", "{\"a\":[1,2]}")).isEqualTo(json("[1,2]"));
    assertThat(eval("$states.context.Execution.Id").textValue()).isEqualTo("arn:exec");
    assertThat(eval("$keys($states)")).isEqualTo(json("[\"input\",\"context\"]"));
  }

  @Test
  void shouldBindStatesResultAndErrorOutputWhenPresent() throws Exception {
    EvalContext ctx = context("{}").withResult(json("{\"Payload\":7}"))
        .withErrorOutput(json("{\"Error\":\"Boom\",\"Cause\":\"why\"}"));
    Expression expression = JsonataExpressions.template(
        json("{\"r\":\"{% $states.result.Payload %}\",\"e\":\"{% $states.errorOutput.Error %}\"}"), "Output");

    assertThat(expression.evaluate(ctx)).isEqualTo(json("{\"r\":7,\"e\":\"Boom\"}"));
  }

  @Test
  void shouldBindEveryVariableByName() throws Exception {
    EvalContext ctx = EvalContext.of(json("{}"), json("{}"),
        Map.of("productName", json("\"product1\""), "count", json("42"), "flags", json("{\"a\":true}")),
        RandomSource.seeded(1));
    Expression expression = JsonataExpressions.template(
        json("\"{% $productName & ':' & $string($count + 1) & ':' & $string($flags.a) %}\""), "Output");

    assertThat(expression.evaluate(ctx).textValue()).isEqualTo("product1:43:true");
  }

  @Test
  void shouldKeepIntegersIntegralAndDecimalsDecimal() {
    JsonNode result = evalOn("$states.input", "{\"i\":7,\"big\":9007199254740993,\"d\":1.25,\"neg\":-3}");

    assertThat(result.get("i").isIntegralNumber()).isTrue();
    assertThat(result.get("big").longValue()).isEqualTo(9007199254740993L);
    assertThat(result.get("d").isFloatingPointNumber()).isTrue();
    assertThat(result.get("d").doubleValue()).isEqualTo(1.25);
    assertThat(eval("1 + 2").isIntegralNumber()).isTrue();
    assertThat(eval("3 / 2").doubleValue()).isEqualTo(1.5);
    assertThat(eval("1.5 + 1.5")).isEqualTo(json("3"));
  }

  @Test
  void shouldKeepJsonNullAsAValue() {
    assertThat(evalOn("$states.input.bar", "{\"bar\":null}").isNull()).isTrue();
    assertThat(evalOn("{'v': $states.input.bar}", "{\"bar\":null}")).isEqualTo(json("{\"v\":null}"));
  }

  @Test
  void shouldFailWithQueryEvaluationErrorNamingFieldWhenExpressionReturnsUndefined() throws Exception {
    Expression expression = JsonataExpressions.template(
        json("{\"Input\":{\"pushLocation\":\"{% $states.input.pushLocation %}\"}}"), "Arguments");

    assertThatThrownBy(() -> expression.evaluate(context("{}")))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo(ErrorNames.QUERY_EVALUATION_ERROR);
          assertThat(e.causeText()).isEqualTo("The JSONata expression '$states.input.pushLocation' "
              + "specified for the field 'Arguments/Input/pushLocation' returned nothing (undefined).");
        });
  }

  @Test
  void shouldNameArrayElementsByIndexInTheField() throws Exception {
    Expression expression = JsonataExpressions.template(json("{\"a\":{\"b\":[1,\"{% $nothing %}\"]}}"), "Output");

    assertThatThrownBy(() -> expression.evaluate(context("{}")))
        .isInstanceOfSatisfying(AslException.class, e -> assertThat(e.causeText())
            .isEqualTo("The JSONata expression '$nothing' specified for the field 'Output/a/b[1]' "
                + "returned nothing (undefined)."));
  }

  @Test
  void shouldLeaveFieldOutOfCauseWhenFieldNameIsUnknown() throws Exception {
    Expression expression = JsonataExpressions.template(json("\"{% $nothing %}\""), "");

    assertThatThrownBy(() -> expression.evaluate(context("{}")))
        .isInstanceOfSatisfying(AslException.class, e -> assertThat(e.causeText())
            .isEqualTo("The JSONata expression '$nothing' returned nothing (undefined)."));
  }

  @Test
  void shouldReportRuntimeErrorsWithCodeAndLibraryMessage() {
    assertThatThrownBy(() -> eval("'a' + 1"))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo(ErrorNames.QUERY_EVALUATION_ERROR);
          assertThat(e.causeText()).isEqualTo("The JSONata expression ''a' + 1' specified for the field "
              + "'Output' threw an error during evaluation. T2001: The left side of the \"+\" operator "
              + "must evaluate to a number");
        });
  }

  @Test
  void shouldRejectFunctionResultsAsUnsupported() {
    assertThatThrownBy(() -> eval("function($x){$x}"))
        .isInstanceOfSatisfying(AslException.class, e -> assertThat(e.causeText())
            .isEqualTo("The JSONata expression 'function($x){$x}' specified for the field 'Output' "
                + "returned an unsupported result type."));
  }

  @Test
  void shouldRejectSyntaxErrorsWithPointerToTheOffendingString() {
    assertThatThrownBy(() -> JsonataExpressions.template(
            json("{\"ok\":\"{% 1 %}\",\"a/b\":[0,\"{% a[1,2) %}\"]}"), "Output"))
        .isInstanceOfSatisfying(InvalidExpressionException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_JSONATA");
          assertThat(e.relativePointer()).isEqualTo("/a~1b/1");
          assertThat(e.getMessage()).contains("S0202").contains("Expected \"]\", got \",\"");
        });
  }

  @Test
  void shouldRejectEmptyExpression() {
    assertThatThrownBy(() -> JsonataExpressions.template(json("\"{%  %}\""), ""))
        .isInstanceOfSatisfying(InvalidExpressionException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_JSONATA"));
  }

  @Test
  void shouldRejectEvalAtCompileTimeButAllowTheWordInStrings() throws Exception {
    assertThatThrownBy(() -> JsonataExpressions.template(json("{\"x\":\"{% $eval('1 + 1') %}\"}"), ""))
        .isInstanceOfSatisfying(InvalidExpressionException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_JSONATA");
          assertThat(e.relativePointer()).isEqualTo("/x");
          assertThat(e.getMessage()).contains("$eval").contains("$parse");
        });
    assertThat(eval("'$eval'").textValue()).isEqualTo("$eval");
  }

  @Test
  void shouldEvaluateBlocksWithLocalVariablesAndHigherOrderFunctions() {
    assertThat(evalOn("($double := function($v){$v * 2}; $map($states.input.xs, $double))",
        "{\"xs\":[1,2,3]}")).isEqualTo(json("[2,4,6]"));
    assertThat(evalOn("$sum($states.input.xs[$ > 1])", "{\"xs\":[1,2,3]}")).isEqualTo(json("5"));
  }

  @Test
  void shouldFormatNowFromOneInstantPerEvaluation() {
    assertThat(eval("$now() = $now() and $millis() = $millis()").booleanValue()).isTrue();
    assertThat(eval("$now()").textValue()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
  }

  @Test
  void shouldFailRunawayRecursionWithQueryEvaluationErrorButAllowModerateDepth() {
    String recursion = "($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(%d))";

    // Reported AWS bounds: $f(31) nests 3n+5 = 98 levels and passes, $f(32) exceeds 100.
    assertThat(eval(recursion.formatted(31))).isEqualTo(json("31"));
    assertThatThrownBy(() -> eval(recursion.formatted(32)))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo(ErrorNames.QUERY_EVALUATION_ERROR);
          assertThat(e.causeText()).contains("threw an error during evaluation. Stack overflow error")
              .endsWith("Depth=101 max=100");
        });
  }
}
