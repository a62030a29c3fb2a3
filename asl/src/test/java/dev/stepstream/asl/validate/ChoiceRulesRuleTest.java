package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compile;
import static dev.stepstream.asl.testing.Definitions.compileStates;

import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.choice.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ChoiceRulesRuleTest {

  private static ValidationResult withRule(String rule) {
    return compileStates("C", "'C':{'Type':'Choice','Choices':[" + rule + "],'Default':'S'},'S':{'Type':'Succeed'}");
  }

  private static String validOperand(Operator operator) {
    if (operator.pathOperand()) {
      return "'$.other'";
    }
    return switch (operator.kind()) {
      case STRING -> "'abc'";
      case NUMERIC -> "1.5";
      case BOOLEAN, TYPE_TEST -> "true";
      case TIMESTAMP -> "'2001-01-01T12:00:00Z'";
    };
  }

  @ParameterizedTest
  @EnumSource(Operator.class)
  void shouldAcceptEveryOperatorWithAnOperandOfItsType(Operator operator) {
    assertValid(withRule("{'Variable':'$.x','" + operator.fieldName() + "':" + validOperand(operator) + ",'Next':'S'}"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "NumericEquals | '1'",
      "StringEquals | 1",
      "BooleanEquals | 'true'",
      "TimestampEquals | '2001-01-01'",
      "TimestampEquals | 5",
      "IsNull | 'yes'",
      "StringEqualsPath | 3",
      "StringMatches | true",
  })
  void shouldRejectAnOperandOfTheWrongType(String operator, String operand) {
    assertHas(withRule("{'Variable':'$.x','" + operator + "':" + operand + ",'Next':'S'}"), "INVALID_TYPE", "/States/C/Choices/0/" + operator);
  }

  @Test
  void shouldRequireChoicesToBeANonEmptyArray() {
    assertHas(compileStates("C", "'C':{'Type':'Choice','Default':'S'},'S':{'Type':'Succeed'}"), "MISSING_REQUIRED_FIELD", "/States/C");
    assertHas(compileStates("C", "'C':{'Type':'Choice','Choices':[],'Default':'S'},'S':{'Type':'Succeed'}"), "INVALID_VALUE", "/States/C/Choices");
  }

  @Test
  void shouldRequireExactlyOneOperator() {
    assertHas(withRule("{'Variable':'$.x','Next':'S'}"), "MISSING_REQUIRED_FIELD", "/States/C/Choices/0");
    assertHas(withRule("{'Variable':'$.x','StringEquals':'a','IsPresent':true,'Next':'S'}"), "CONFLICTING_FIELDS", "/States/C/Choices/0");
  }

  @Test
  void shouldRequireVariableInComparisons() {
    assertHas(withRule("{'StringEquals':'a','Next':'S'}"), "MISSING_REQUIRED_FIELD", "/States/C/Choices/0");
  }

  @Test
  void shouldRequireNextOnlyOnTopLevelRules() {
    assertHas(withRule("{'Variable':'$.x','StringEquals':'a'}"), "MISSING_REQUIRED_FIELD", "/States/C/Choices/0");
    assertHas(withRule("{'Not':{'Variable':'$.x','StringEquals':'a','Next':'S'},'Next':'S'}"), "UNKNOWN_FIELD", "/States/C/Choices/0/Not/Next");
  }

  @Test
  void shouldRequireNonEmptyArraysForAndOrAndAnObjectForNot() {
    assertHas(withRule("{'And':[],'Next':'S'}"), "INVALID_VALUE", "/States/C/Choices/0/And");
    assertHas(withRule("{'Or':{'Variable':'$.x','IsNull':true},'Next':'S'}"), "INVALID_VALUE", "/States/C/Choices/0/Or");
    assertHas(withRule("{'Not':[{'Variable':'$.x','IsNull':true}],'Next':'S'}"), "INVALID_TYPE", "/States/C/Choices/0/Not");
    assertHas(withRule("{'And':[{'Variable':'$.x','IsNull':'no'}],'Next':'S'}"), "INVALID_TYPE", "/States/C/Choices/0/And/0/IsNull");
  }

  @Test
  void shouldCompileVariableAndPathOperands() {
    assertHas(withRule("{'Variable':'x','IsNull':true,'Next':'S'}"), "INVALID_JSON_PATH", "/States/C/Choices/0/Variable");
    assertHas(withRule("{'Variable':'$.x','StringEqualsPath':'y','Next':'S'}"), "INVALID_JSON_PATH", "/States/C/Choices/0/StringEqualsPath");
  }

  @Test
  void shouldUseConditionInJsonataMode() {
    String template = "{'QueryLanguage':'JSONata','StartAt':'C','States':{'C':{'Type':'Choice','Choices':[%s],'Default':'S'},"
        + "'S':{'Type':'Succeed'}}}";
    assertValid(compile(template.formatted("{'Condition':'{% $x = 1 %}','Next':'S','Assign':{'y':2}}")));
    assertHas(compile(template.formatted("{'Next':'S'}")), "MISSING_REQUIRED_FIELD", "/States/C/Choices/0");
    assertHas(compile(template.formatted("{'Condition':'$x = 1','Next':'S'}")), "INVALID_JSONATA", "/States/C/Choices/0/Condition");
    assertHas(compile(template.formatted("{'Condition':'{% true %}','Variable':'$.x','Next':'S'}")),
        "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE", "/States/C/Choices/0/Variable");
    assertHas(compile(template.formatted("{'Condition':'{% !! %}','Next':'S'}")), "INVALID_JSONATA", "/States/C/Choices/0/Condition");
  }

  @Test
  void shouldRejectConditionInJsonPathMode() {
    assertHas(withRule("{'Condition':'{% true %}','Next':'S'}"), "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE", "/States/C/Choices/0/Condition");
  }
}
