package dev.stepstream.asl.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.asl.testing.FakeCompiler;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonTest {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  private static final String INPUT = "{\"s\":\"MyStringABC\",\"n\":22,\"d\":1.10,\"big\":9007199254740993,"
      + "\"b\":true,\"t\":\"2016-08-18T17:33:00Z\",\"nul\":null,\"other\":\"MyString\",\"twenty\":20}";

  private static EvalContext ctx() {
    try {
      return EvalContext.of(MAPPER.readTree(INPUT), MAPPER.createObjectNode(), Map.of(), RandomSource.seeded(1));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static PathExpression path(String text) {
    try {
      return new FakeCompiler().path(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode literal(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean literal(String variable, Operator operator, String operandJson) {
    return Comparison.withLiteral(operator, path(variable), literal(operandJson)).matches(ctx());
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
      "$.s | STRING_EQUALS | \"MyStringABC\" | true",
      "$.s | STRING_EQUALS | \"mystringabc\" | false",
      "$.s | STRING_GREATER_THAN | \"MyString\" | true",
      "$.s | STRING_LESS_THAN | \"MyString\" | false",
      "$.s | STRING_LESS_THAN_EQUALS | \"MyStringABC\" | true",
      "$.s | STRING_GREATER_THAN_EQUALS | \"N\" | false",
      "$.s | STRING_MATCHES | \"My*ABC\" | true",
      "$.s | STRING_MATCHES | \"*XYZ\" | false",
      "$.n | NUMERIC_EQUALS | 22 | true",
      "$.n | NUMERIC_EQUALS | 22.0 | true",
      "$.n | NUMERIC_GREATER_THAN_EQUALS | 20 | true",
      "$.n | NUMERIC_LESS_THAN | 30 | true",
      "$.n | NUMERIC_LESS_THAN_EQUALS | 21.99 | false",
      "$.n | NUMERIC_GREATER_THAN | 22 | false",
      "$.d | NUMERIC_EQUALS | 1.1 | true",
      "$.big | NUMERIC_EQUALS | 9007199254740992 | false",
      "$.b | BOOLEAN_EQUALS | true | true",
      "$.b | BOOLEAN_EQUALS | false | false",
      "$.t | TIMESTAMP_EQUALS | \"2016-08-18T18:33:00+01:00\" | true",
      "$.t | TIMESTAMP_LESS_THAN | \"2016-08-18T17:33:00.001Z\" | true",
      "$.t | TIMESTAMP_GREATER_THAN | \"2001-01-01T12:00:00Z\" | true",
      "$.t | TIMESTAMP_LESS_THAN_EQUALS | \"2016-08-18T17:33:00Z\" | true",
      "$.t | TIMESTAMP_GREATER_THAN_EQUALS | \"2020-01-01T00:00:00Z\" | false",
      "$.t | STRING_EQUALS | \"2016-08-18T17:33:00Z\" | true",
      "$.nul | IS_NULL | true | true",
      "$.s | IS_NULL | true | false",
      "$.n | IS_NUMERIC | true | true",
      "$.s | IS_NUMERIC | false | true",
      "$.s | IS_STRING | true | true",
      "$.b | IS_BOOLEAN | true | true",
      "$.t | IS_TIMESTAMP | true | true",
      "$.s | IS_TIMESTAMP | true | false",
      "$.s | IS_PRESENT | true | true",
      "$.missing | IS_PRESENT | false | true",
      "$.missing | IS_PRESENT | true | false",
  })
  void shouldCompareLikeAws(String variable, Operator operator, String operand, boolean expected) {
    assertThat(literal(variable, operator, operand)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} {2} does not match")
  @CsvSource(delimiter = '|', value = {
      "$.n | STRING_EQUALS | \"22\"",
      "$.s | NUMERIC_EQUALS | 22",
      "$.s | BOOLEAN_EQUALS | true",
      "$.n | TIMESTAMP_EQUALS | \"2016-08-18T17:33:00Z\"",
      "$.s | TIMESTAMP_EQUALS | \"2016-08-18T17:33:00Z\"",
      "$.nul | STRING_EQUALS | \"null\"",
      "$.b | STRING_MATCHES | \"*\"",
  })
  void shouldNotMatchWhenTheValueHasTheWrongType(String variable, Operator operator, String operand) {
    assertThat(literal(variable, operator, operand)).isFalse();
  }

  @Test
  void shouldFailWithStatesRuntimeWhenTheVariableIsMissing() {
    Comparison comparison = Comparison.withLiteral(Operator.STRING_EQUALS, path("$.type"), literal("\"Private\""));

    assertThatThrownBy(() -> comparison.matches(ctx()))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo("States.Runtime");
          assertThat(e.causeText()).isEqualTo("Invalid path '$.type': The choice state's condition path references an invalid value.");
        });
  }

  @Test
  void shouldFailWithStatesRuntimeWhenATypeTestOtherThanIsPresentMeetsAMissingVariable() {
    Comparison comparison = Comparison.withLiteral(Operator.IS_NULL, path("$.missing"), literal("true"));

    assertThatThrownBy(() -> comparison.matches(ctx())).isInstanceOf(AslException.class);
  }

  @Test
  void shouldCompareAgainstTheValueAtAnotherPath() {
    assertThat(Comparison.withPath(Operator.NUMERIC_GREATER_THAN_PATH, path("$.n"), path("$.twenty")).matches(ctx())).isTrue();
    assertThat(Comparison.withPath(Operator.STRING_GREATER_THAN_PATH, path("$.s"), path("$.other")).matches(ctx())).isTrue();
    assertThat(Comparison.withPath(Operator.STRING_EQUALS_PATH, path("$.n"), path("$.s")).matches(ctx())).isFalse();
  }

  @Test
  void shouldFailWithStatesRuntimeWhenThePathOperandIsMissing() {
    Comparison comparison = Comparison.withPath(Operator.NUMERIC_EQUALS_PATH, path("$.n"), path("$.nowhere"));

    assertThatThrownBy(() -> comparison.matches(ctx()))
        .isInstanceOfSatisfying(AslException.class, e -> assertThat(e.causeText()).contains("'$.nowhere'"));
  }

  @Test
  void shouldCombineRulesWithAndOrNotShortCircuiting() {
    ChoiceRule inTwenties = new ChoiceRule.And(java.util.List.of(
        Comparison.withLiteral(Operator.NUMERIC_GREATER_THAN_EQUALS, path("$.n"), literal("20")),
        Comparison.withLiteral(Operator.NUMERIC_LESS_THAN, path("$.n"), literal("30"))));
    ChoiceRule missingButShortCircuited = new ChoiceRule.Or(java.util.List.of(
        Comparison.withLiteral(Operator.BOOLEAN_EQUALS, path("$.b"), literal("true")),
        Comparison.withLiteral(Operator.STRING_EQUALS, path("$.missing"), literal("\"x\""))));

    assertThat(inTwenties.matches(ctx())).isTrue();
    assertThat(new ChoiceRule.Not(inTwenties).matches(ctx())).isFalse();
    assertThat(missingButShortCircuited.matches(ctx())).isTrue();
  }

  @Test
  void shouldRejectAnOperandOfTheWrongForm() {
    assertThatThrownBy(() -> Comparison.withLiteral(Operator.STRING_EQUALS_PATH, path("$.s"), literal("\"x\"")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Comparison.withPath(Operator.STRING_EQUALS, path("$.s"), path("$.s")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldKnowEveryOperatorByItsFieldName() {
    assertThat(Operator.values()).hasSize(39);
    for (Operator operator : Operator.values()) {
      assertThat(Operator.fromField(operator.fieldName())).contains(operator);
    }
    assertThat(Operator.fromField("StringMatchesPath")).isEmpty();
    assertThat(Operator.TIMESTAMP_LESS_THAN_EQUALS_PATH.pathOperand()).isTrue();
    assertThat(Operator.IS_PRESENT.pathOperand()).isFalse();
  }
}
