package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.eval.ErrorNames;
import java.util.Set;

/**
 * Retry and Catch ("Error handling in Step Functions"): ErrorEquals is a non-empty array of strings;
 * States.ALL must be alone in its ErrorEquals and in the last retrier/catcher; IntervalSeconds and
 * MaxDelaySeconds are positive integers, MaxAttempts a non-negative integer, BackoffRate a number
 * of at least 1.0, JitterStrategy FULL or NONE; a catcher needs Next, and takes ResultPath in
 * JSONPath mode or Output in JSONata mode.
 */
public final class RetryCatchRule implements ValidationRule {
  private static final long MAX_SECONDS = 99_999_999L;
  private static final long MAX_DELAY_SECONDS = 31_622_400L;
  private static final Set<String> RETRIER_FIELDS =
      Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
  private static final Set<String> CATCHER_JSONPATH = Set.of("ErrorEquals", "Next", "ResultPath", "Assign", "Comment");
  private static final Set<String> CATCHER_JSONATA = Set.of("ErrorEquals", "Next", "Output", "Assign", "Comment");

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    for (StateView state : definition.states()) {
      eachObject(state, "Retry", out, (node, pointer, last) -> checkRetrier(node, pointer, last, out));
      eachObject(state, "Catch", out, (node, pointer, last) -> checkCatcher(state, node, pointer, last, out));
    }
  }

  private interface ElementCheck {
    void check(JsonNode node, String pointer, boolean last);
  }

  private static void eachObject(StateView state, String field, Diagnostics out, ElementCheck check) {
    JsonNode array = state.get(field);
    if (!array.isArray()) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      String pointer = state.pointer(field) + "/" + i;
      if (array.get(i).isObject()) {
        check.check(array.get(i), pointer, i == array.size() - 1);
      } else {
        out.error(INVALID_TYPE, pointer, "Each " + field + " element must be an object");
      }
    }
  }

  private void checkRetrier(JsonNode retrier, String pointer, boolean last, Diagnostics out) {
    unknownFields(retrier, pointer, RETRIER_FIELDS, Set.of(), out);
    checkErrorEquals(retrier, pointer, last, "retrier", out);
    integerField(retrier, pointer, "IntervalSeconds", 1, MAX_SECONDS, out);
    integerField(retrier, pointer, "MaxAttempts", 0, MAX_SECONDS, out);
    integerField(retrier, pointer, "MaxDelaySeconds", 1, MAX_DELAY_SECONDS, out);
    JsonNode backoff = retrier.path("BackoffRate");
    if (!backoff.isMissingNode() && !(backoff.isNumber() && backoff.decimalValue().compareTo(java.math.BigDecimal.ONE) >= 0)) {
      out.error(INVALID_VALUE, pointer + "/BackoffRate", "BackoffRate must be a number greater than or equal to 1.0");
    }
    JsonNode jitter = retrier.path("JitterStrategy");
    if (!jitter.isMissingNode() && !(jitter.isTextual() && Set.of("FULL", "NONE").contains(jitter.textValue()))) {
      out.error(INVALID_VALUE, pointer + "/JitterStrategy", "JitterStrategy must be \"FULL\" or \"NONE\"");
    }
  }

  private void checkCatcher(StateView state, JsonNode catcher, String pointer, boolean last, Diagnostics out) {
    Set<String> allowed = state.jsonata() ? CATCHER_JSONATA : CATCHER_JSONPATH;
    Set<String> other = state.jsonata() ? CATCHER_JSONPATH : CATCHER_JSONATA;
    unknownFields(catcher, pointer, allowed, other, out);
    checkErrorEquals(catcher, pointer, last, "catcher", out);
    JsonNode next = catcher.path("Next");
    if (next.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, pointer, "A catcher must have a 'Next' field");
    } else if (!next.isTextual()) {
      out.error(INVALID_TYPE, pointer + "/Next", "Next must be a string");
    }
    JsonNode resultPath = catcher.path("ResultPath");
    if (!state.jsonata() && !resultPath.isMissingNode() && !resultPath.isTextual() && !resultPath.isNull()) {
      out.error(INVALID_TYPE, pointer + "/ResultPath", "ResultPath must be a string or null");
    }
    JsonNode assign = catcher.path("Assign");
    if (!assign.isMissingNode() && !assign.isObject()) {
      out.error(INVALID_TYPE, pointer + "/Assign", "Assign must be an object");
    }
  }

  private static void checkErrorEquals(JsonNode element, String pointer, boolean last, String what, Diagnostics out) {
    JsonNode errors = element.path("ErrorEquals");
    if (errors.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, pointer, "A " + what + " must have an 'ErrorEquals' field");
      return;
    }
    if (!errors.isArray() || errors.isEmpty()) {
      out.error(INVALID_VALUE, pointer + "/ErrorEquals", "ErrorEquals must be a non-empty array of error names");
      return;
    }
    for (int i = 0; i < errors.size(); i++) {
      JsonNode error = errors.get(i);
      if (!error.isTextual()) {
        out.error(INVALID_TYPE, pointer + "/ErrorEquals/" + i, "An error name must be a string");
      } else if (ErrorNames.ALL.equals(error.textValue()) && errors.size() > 1) {
        out.error(INVALID_VALUE, pointer + "/ErrorEquals/" + i, "States.ALL must appear alone in its ErrorEquals array");
      } else if (ErrorNames.ALL.equals(error.textValue()) && !last) {
        out.error(INVALID_VALUE, pointer + "/ErrorEquals/" + i, "A " + what + " with States.ALL must be the last one");
      }
    }
  }

  private static void integerField(JsonNode element, String pointer, String field, long min, long max, Diagnostics out) {
    JsonNode value = element.path(field);
    if (!value.isMissingNode() && !JsonTypes.isIntegerBetween(value, min, max)) {
      out.error(INVALID_VALUE, pointer + "/" + field, field + " must be an integer from " + min + " to " + max);
    }
  }

  private static void unknownFields(JsonNode element, String pointer, Set<String> allowed, Set<String> otherLanguage, Diagnostics out) {
    element.fieldNames().forEachRemaining(field -> {
      if (allowed.contains(field)) {
        return;
      }
      String code = otherLanguage.contains(field) ? FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE : UNKNOWN_FIELD;
      out.error(code, pointer + "/" + dev.stepstream.asl.diag.Diagnostics.token(field), "Field '" + field + "' is not allowed here");
    });
  }
}
