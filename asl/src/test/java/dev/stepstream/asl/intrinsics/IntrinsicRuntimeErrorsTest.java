package dev.stepstream.asl.intrinsics;

import static dev.stepstream.asl.intrinsics.IntrinsicFunctionsDocsExamplesTest.call;
import static dev.stepstream.asl.testing.JsonFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrinsicRuntimeErrorsTest {
  private static final JsonNode INPUT = json("{'arr': [1, 2, 3], 'text': 'abc', 'num': 7, 'obj': {'a': 1},"
      + " 'template': '{} and {}', 'notJson': '{oops', 'notBase64': '!!!'}");

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "States.Format($.num) => Invalid arguments in States.Format: argument 1 must be a string, but got number 7",
      "States.Format($.template, 1) => Invalid arguments in States.Format: the template has 2 '{}' placeholders but 1 values were given",
      "States.StringToJson($.num) => Invalid arguments in States.StringToJson: argument 1 must be a string, but got number 7",
      "States.ArrayPartition($.text, 2) => Invalid arguments in States.ArrayPartition: argument 1 must be an array, but got string \"abc\"",
      "States.ArrayPartition($.arr, 0) => Invalid arguments in States.ArrayPartition: the chunk size must be a positive integer, but got 0",
      "States.ArrayContains($.obj, 1) => Invalid arguments in States.ArrayContains: argument 1 must be an array, but got object {\"a\":1}",
      "States.ArrayRange(1, 1001, 1) => Invalid arguments in States.ArrayRange: the range has 1001 items; at most 1000 are allowed",
      "States.ArrayRange(1, 5, 0) => Invalid arguments in States.ArrayRange: the step (argument 3) must not be 0",
      "States.ArrayRange('1', 5, 1) => Invalid arguments in States.ArrayRange: argument 1 must be an integer, but got string \"1\"",
      "States.ArrayGetItem($.arr, 3) => Invalid arguments in States.ArrayGetItem: index 3 is out of bounds for an array of length 3",
      "States.ArrayGetItem($.arr, -1) => Invalid arguments in States.ArrayGetItem: index -1 is out of bounds for an array of length 3",
      "States.ArrayLength($.num) => Invalid arguments in States.ArrayLength: argument 1 must be an array, but got number 7",
      "States.ArrayUnique(null) => Invalid arguments in States.ArrayUnique: argument 1 must be an array, but got null null",
      "States.Base64Encode($.num) => Invalid arguments in States.Base64Encode: argument 1 must be a string, but got number 7",
      "States.Base64Decode($.notBase64) => Invalid arguments in States.Base64Decode: the string is not valid Base64: Illegal base64 character 21",
      "States.Hash($.text, 'SHA-2') => Invalid arguments in States.Hash: unsupported hash algorithm 'SHA-2'; use one of [MD5, SHA-1, SHA-256, SHA-384, SHA-512]",
      "States.Hash($.obj, 'MD5') => Invalid arguments in States.Hash: argument 1 must be a string, but got object {\"a\":1}",
      "States.JsonMerge($.obj, $.obj, true) => Invalid arguments in States.JsonMerge: deep merging is not supported; the third argument must be false",
      "States.JsonMerge($.obj, $.arr, false) => Invalid arguments in States.JsonMerge: argument 2 must be a JSON object, but got array [1,2,3]",
      "States.MathRandom(5, 5) => Invalid arguments in States.MathRandom: the end (5) must be greater than the start (5)",
      "States.MathAdd('1', 2) => Invalid arguments in States.MathAdd: argument 1 must be an integer, but got string \"1\"",
      "States.MathAdd(9223372036854775807, 1) => Invalid arguments in States.MathAdd: the sum of 9223372036854775807 and 1 is out of range",
      "States.StringSplit($.text, 1) => Invalid arguments in States.StringSplit: argument 2 must be a string, but got number 1"})
  void shouldFailWithIntrinsicFailure(String expression, String cause) {
    assertThatThrownBy(() -> call(expression, INPUT))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo("States.IntrinsicFailure");
          assertThat(e.causeText()).isEqualTo(cause);
        });
  }

  @Test
  void shouldRejectInvalidJsonText() {
    assertThatThrownBy(() -> call("States.StringToJson($.notJson)", INPUT))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo("States.IntrinsicFailure");
          assertThat(e.causeText()).startsWith("Invalid arguments in States.StringToJson: the string is not valid JSON");
        });
  }

  @Test
  void shouldLimitBase64AndHashInputsToTenThousandCharacters() throws Exception {
    JsonNode limit = json("{'s': '" + "a".repeat(10_000) + "', 'tooLong': '" + "a".repeat(10_001) + "'}");
    assertThat(call("States.Base64Encode($.s)", limit).textValue()).hasSize(13_336);
    assertThat(call("States.Hash($.s, 'MD5')", limit).textValue()).hasSize(32);
    for (String expression : new String[] {
        "States.Base64Encode($.tooLong)", "States.Base64Decode($.tooLong)", "States.Hash($.tooLong, 'SHA-256')"}) {
      assertThatThrownBy(() -> call(expression, limit))
          .isInstanceOfSatisfying(AslException.class, e -> assertThat(e.causeText())
              .endsWith("argument 1 must be at most 10000 characters long, but has 10001"));
    }
  }

  @Test
  void shouldAllowExactlyOneThousandRangeItems() throws Exception {
    assertThat(call("States.ArrayRange(1, 1000, 1)", INPUT).size()).isEqualTo(1000);
  }

  @Test
  void shouldRoundNonIntegerNumbersToTheNearestInteger() throws Exception {
    assertThat(call("States.MathAdd(1.5, 2.4)", INPUT)).isEqualTo(json("4"));
    assertThat(call("States.MathAdd(-1.5, 0)", INPUT)).isEqualTo(json("-1"));
    assertThat(call("States.ArrayRange(0.6, 3.2, 1)", INPUT)).isEqualTo(json("[1, 2, 3]"));
  }

  @Test
  void shouldSupportDescendingRangesAndEmptyRanges() throws Exception {
    assertThat(call("States.ArrayRange(9, 1, -4)", INPUT)).isEqualTo(json("[9, 5, 1]"));
    assertThat(call("States.ArrayRange(1, 0, 2)", INPUT)).isEqualTo(json("[]"));
  }

  @Test
  void shouldComputeAllHashAlgorithms() throws Exception {
    assertThat(call("States.Hash('input data', 'MD5')", INPUT)).isEqualTo(json("'812f45842bc6d66ee14572ce20db8e86'"));
    assertThat(call("States.Hash('', 'SHA-256')", INPUT))
        .isEqualTo(json("'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'"));
    assertThat(call("States.Hash('', 'SHA-384')", INPUT).textValue()).hasSize(96);
    assertThat(call("States.Hash('', 'SHA-512')", INPUT).textValue()).hasSize(128);
  }

  @Test
  void shouldCompareNumbersByValueInArrayContainsAndArrayUnique() throws Exception {
    JsonNode input = json("{'a': [1, 1.0, {'x': 2}, {'x': 2.0}]}");
    assertThat(call("States.ArrayContains($.a, 1.0)", input)).isEqualTo(json("true"));
    assertThat(call("States.ArrayUnique($.a)", input)).isEqualTo(json("[1, {'x': 2}]"));
  }

  @Test
  void shouldFailWithRuntimeErrorWhenAPathArgumentFindsNothing() {
    assertThatThrownBy(() -> call("States.Array($.missing)", json("{'a':1}")))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo("States.Runtime");
          assertThat(e.causeText()).isEqualTo("The JSONPath '$.missing' could not be found in the input '{\"a\":1}'");
        });
  }
}
