package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.choice.Operator;
import dev.stepstream.asl.choice.Timestamps;
import dev.stepstream.asl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Choice states: Choices is a non-empty array of Choice Rules. JSONata rules hold a Condition
 * expression and Next. JSONPath rules hold exactly one operator: And/Or (non-empty arrays of
 * rules), Not (one rule) or a comparison, which needs Variable and an operand of the operator's
 * type (string, number, boolean, RFC 3339 timestamp, or a path for {@code *Path} operators).
 * Next (and Assign) appear only in top-level rules.
 */
public final class ChoiceRulesRule implements ValidationRule {
  private static final Set<String> BOOLEAN_OPERATORS = Set.of("And", "Or", "Not");
  private static final Set<String> JSONATA_FIELDS = Set.of("Condition", "Next", "Assign", "Output", "Comment");

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    for (StateView state : definition.states()) {
      if ("Choice".equals(state.type())) {
        checkChoices(state, out);
      }
    }
  }

  private void checkChoices(StateView state, Diagnostics out) {
    JsonNode choices = state.get("Choices");
    if (choices.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, state.pointer(), "A Choice state must have a 'Choices' field");
      return;
    }
    if (!choices.isArray()) {
      return;
    }
    if (choices.isEmpty()) {
      out.error(INVALID_VALUE, state.pointer("Choices"), "Choices must contain at least one Choice Rule");
    }
    for (int i = 0; i < choices.size(); i++) {
      String pointer = state.pointer("Choices") + "/" + i;
      JsonNode rule = choices.get(i);
      if (!rule.isObject()) {
        out.error(INVALID_TYPE, pointer, "A Choice Rule must be an object");
      } else if (state.jsonata()) {
        checkJsonataRule(rule, pointer, out);
      } else {
        checkTopLevelNext(rule, pointer, out);
        checkRule(rule, pointer, true, out);
      }
    }
  }

  private void checkJsonataRule(JsonNode rule, String pointer, Diagnostics out) {
    rule.fieldNames().forEachRemaining(field -> {
      if (!JSONATA_FIELDS.contains(field)) {
        String code = "Variable".equals(field) || Operator.fromField(field).isPresent() || BOOLEAN_OPERATORS.contains(field)
            ? FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE
            : UNKNOWN_FIELD;
        out.error(code, pointer + "/" + Diagnostics.token(field), "Field '" + field + "' is not allowed in a JSONata Choice Rule");
      }
    });
    JsonNode condition = rule.path("Condition");
    if (condition.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, pointer, "A JSONata Choice Rule must have a 'Condition' field");
    } else if (!JsonTypes.isJsonata(condition)) {
      out.error(INVALID_JSONATA, pointer + "/Condition", "Condition must be a JSONata expression string \"{% ... %}\"");
    }
    checkTopLevelNext(rule, pointer, out);
  }

  private void checkTopLevelNext(JsonNode rule, String pointer, Diagnostics out) {
    JsonNode next = rule.path("Next");
    if (next.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, pointer, "A top-level Choice Rule must have a 'Next' field");
    } else if (!next.isTextual()) {
      out.error(INVALID_TYPE, pointer + "/Next", "Next must be a string");
    }
    JsonNode assign = rule.path("Assign");
    if (!assign.isMissingNode() && !assign.isObject()) {
      out.error(INVALID_TYPE, pointer + "/Assign", "Assign must be an object");
    }
  }

  private void checkRule(JsonNode rule, String pointer, boolean topLevel, Diagnostics out) {
    List<String> operators = new ArrayList<>();
    rule.fieldNames().forEachRemaining(field -> {
      if (BOOLEAN_OPERATORS.contains(field) || Operator.fromField(field).isPresent()) {
        operators.add(field);
      } else if (!allowedBesideOperator(field, topLevel)) {
        String why = ("Next".equals(field) || "Assign".equals(field)) ? " (only allowed in a top-level Choice Rule)" : "";
        String code = ("Condition".equals(field) || "Output".equals(field)) ? FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE : UNKNOWN_FIELD;
        out.error(code, pointer + "/" + Diagnostics.token(field), "Field '" + field + "' is not allowed here" + why);
      }
    });
    if (operators.isEmpty()) {
      out.error(MISSING_REQUIRED_FIELD, pointer, "A Choice Rule needs a comparison operator, And, Or or Not");
      return;
    }
    if (operators.size() > 1) {
      out.error(CONFLICTING_FIELDS, pointer, "A Choice Rule must have exactly one operator, found " + operators);
      return;
    }
    String operator = operators.get(0);
    if (BOOLEAN_OPERATORS.contains(operator)) {
      checkBooleanRule(rule, pointer, operator, out);
    } else {
      checkComparison(rule, pointer, Operator.fromField(operator).orElseThrow(), out);
    }
  }

  private static boolean allowedBesideOperator(String field, boolean topLevel) {
    return "Variable".equals(field) || "Comment".equals(field) || (topLevel && ("Next".equals(field) || "Assign".equals(field)));
  }

  private void checkBooleanRule(JsonNode rule, String pointer, String operator, Diagnostics out) {
    if (rule.has("Variable")) {
      out.error(UNKNOWN_FIELD, pointer + "/Variable", "Variable is not allowed beside " + operator);
    }
    JsonNode operand = rule.path(operator);
    String operandPointer = pointer + "/" + operator;
    if ("Not".equals(operator)) {
      if (operand.isObject()) {
        checkRule(operand, operandPointer, false, out);
      } else {
        out.error(INVALID_TYPE, operandPointer, "Not must be a single Choice Rule object");
      }
      return;
    }
    if (!operand.isArray() || operand.isEmpty()) {
      out.error(INVALID_VALUE, operandPointer, operator + " must be a non-empty array of Choice Rules");
      return;
    }
    for (int i = 0; i < operand.size(); i++) {
      if (operand.get(i).isObject()) {
        checkRule(operand.get(i), operandPointer + "/" + i, false, out);
      } else {
        out.error(INVALID_TYPE, operandPointer + "/" + i, "A Choice Rule must be an object");
      }
    }
  }

  private void checkComparison(JsonNode rule, String pointer, Operator operator, Diagnostics out) {
    JsonNode variable = rule.path("Variable");
    if (variable.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, pointer, "A comparison needs a 'Variable' field");
    } else if (!variable.isTextual()) {
      out.error(INVALID_TYPE, pointer + "/Variable", "Variable must be a path string");
    }
    JsonNode operand = rule.path(operator.fieldName());
    String problem = operandProblem(operator, operand);
    if (problem != null) {
      out.error(INVALID_TYPE, pointer + "/" + operator.fieldName(), operator.fieldName() + " " + problem);
    }
  }

  private static String operandProblem(Operator operator, JsonNode operand) {
    if (operator.pathOperand()) {
      return operand.isTextual() ? null : "must be a path string";
    }
    return switch (operator.kind()) {
      case STRING -> operand.isTextual() ? null : "must be a string";
      case NUMERIC -> operand.isNumber() ? null : "must be a number";
      case BOOLEAN, TYPE_TEST -> operand.isBoolean() ? null : "must be a boolean";
      case TIMESTAMP -> operand.isTextual() && Timestamps.isTimestamp(operand.textValue())
          ? null
          : "must be an RFC 3339 timestamp string such as 2016-08-18T17:33:00Z";
    };
  }
}
