package dev.stepstream.asl.intrinsics;

import static dev.stepstream.asl.intrinsics.IntrinsicFunctionsDocsExamplesTest.call;
import static dev.stepstream.asl.testing.JsonFixtures.context;
import static dev.stepstream.asl.testing.JsonFixtures.json;
import static dev.stepstream.asl.testing.JsonFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.InvalidExpressionException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrinsicSyntaxTest {

  @Test
  void shouldUnescapeReservedCharactersInStringLiterals() throws Exception {
    assertThat(call("States.Format('It\\'s \\{\\} and \\\\ {}', 'x')", json("{}"))).isEqualTo(parse("\"It's {} and \\\\ x\""));
  }

  @Test
  void shouldTreatBracesFromPathsAsPlaceholdersOnlyWhenAdjacent() throws Exception {
    JsonNode input = json("{'t': '{x} {} {', 'v': 1}");
    assertThat(call("States.Format($.t, $.v)", input)).isEqualTo(json("'{x} 1 {'"));
  }

  @Test
  void shouldAcceptNumbersBooleansNullAndWhitespace() throws Exception {
    assertThat(call("States.Array( -1 , 2.5, 1e2, true, false, null )", json("{}")))
        .isEqualTo(json("[-1, 2.5, 100.0, true, false, null]"));
  }

  @Test
  void shouldAcceptContextAndVariablePathsAsArguments() throws Exception {
    var ctx = context(json("{'a': 1}"), json("{'Execution': {'Name': 'run-1'}}"), Map.of("total", json("41")));
    JsonNode value = IntrinsicFunctions.compile("States.Format('{} {} {}', $$.Execution.Name, $total, $.a)").evaluate(ctx);
    assertThat(value).isEqualTo(json("'run-1 41 1'"));
  }

  @Test
  void shouldAcceptPathsWithBracketsCommasAndFilters() throws Exception {
    JsonNode input = json("{'a,b': [1, 2, 3], 'items': [{'p': 1}, {'p': 5}]}");
    assertThat(call("States.ArrayLength($['a,b'][0,1])", input)).isEqualTo(json("2"));
    assertThat(call("States.ArrayLength($.items[?(@.p > 2)])", input)).isEqualTo(json("1"));
  }

  @Test
  void shouldRenderArraysAndObjectsInFormatLikeAws() throws Exception {
    JsonNode input = json("{'o': {'Arg1': 1, 'Arg2': []}, 'l': ['a', 2]}");
    assertThat(call("States.Format('{} {}', $.o, $.l)", input)).isEqualTo(json("'{Arg1=1, Arg2=[]} [a, 2]'"));
  }

  @Test
  void shouldAllowTenCallsInOneField() throws Exception {
    String ten = "States.Array(" + "States.Array(".repeat(9) + ")".repeat(10);
    assertThat(call(ten, json("{}")).isArray()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "States.Unknown(1) => unknown intrinsic function 'States.Unknown' at column 1",
      "Format('x') => expected an intrinsic function such as States.Format at column 1",
      "States.ArrayLength() => States.ArrayLength expects 1 argument but got 0 at column 1",
      "States.MathRandom(1) => States.MathRandom expects 2 to 3 arguments but got 1 at column 1",
      "States.Format() => States.Format expects at least 1 argument but got 0 at column 1",
      "States.UUID(1) => States.UUID expects 0 arguments but got 1 at column 1",
      "States.Format('{} {}', 1) => States.Format template has 2 '{}' placeholders but 1 values were given at column 1",
      "States.Format(1, 2) => the first argument of States.Format must be a string or a path at column 1",
      "States.JsonToString('x') => States.JsonToString takes a path as its argument at column 1",
      "States.Format('a\\b') => invalid escape; only \\', \\{, \\} and \\\\ are allowed at column 18",
      "States.Format('abc) => unterminated string literal at column 15",
      "States.Array(1) x => unexpected text after the closing ')' at column 17",
      "States.Array(1 => expected ')' at column 15",
      "States.Array(foo) => expected an argument (string, number, boolean, null, path or intrinsic function) at column 14",
      "States.Array(1-) => invalid number '1-' at column 14"})
  void shouldRejectInvalidCallsAtCompileTime(String expression, String problem) {
    assertThatThrownBy(() -> IntrinsicFunctions.compile(expression))
        .isInstanceOfSatisfying(InvalidExpressionException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_INTRINSIC");
          assertThat(e.getMessage()).isEqualTo("Invalid intrinsic function call '" + expression + "': " + problem);
        });
  }

  @Test
  void shouldRejectInvalidPathArguments() {
    assertThatThrownBy(() -> IntrinsicFunctions.compile("States.Array($.a[)"))
        .isInstanceOfSatisfying(InvalidExpressionException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_INTRINSIC");
          assertThat(e.getMessage()).contains("Invalid JSONPath '$.a[)'");
        });
  }

  @Test
  void shouldRejectMoreThanTenCallsInOneField() {
    String eleven = "States.Array(" + "States.Array(".repeat(10) + ")".repeat(11);
    assertThatThrownBy(() -> IntrinsicFunctions.compile(eleven))
        .isInstanceOfSatisfying(InvalidExpressionException.class,
            e -> assertThat(e.getMessage()).contains("more than 10 intrinsic functions in one field"));
  }

  @Test
  void shouldRecogniseIntrinsicCalls() {
    assertThat(IntrinsicFunctions.isIntrinsicCall("States.Array()")).isTrue();
    assertThat(IntrinsicFunctions.isIntrinsicCall("$.a")).isFalse();
  }
}
