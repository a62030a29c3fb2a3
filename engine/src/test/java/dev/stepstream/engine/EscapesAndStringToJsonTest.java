package dev.stepstream.engine;

import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * States.StringToJson and escape sequences in JSONPath Parameters, as AWS ran them (LocalStack's
 * AWS-validated snapshots intrinsic_functions/test_json_manipulation and scenarios/test_base_scenarios
 * test_escape_sequence_parsing / test_illegal_escapes).
 */
class EscapesAndStringToJsonTest {
  private static final String INPUT = "{\"Test\\\\\\\"\\\"Name\\\"\":\"Value\\\"\\\\\"}";

  private static TestDriver stringToJson(String functionInput) {
    return new TestDriver("""
        {"StartAt":"S","States":{"S":{"Type":"Pass",
          "Parameters":{"FunctionResult.$":"States.StringToJson($.FunctionInput)"},"End":true}}}""")
        .start("{\"FunctionInput\":" + json("\"\"").textValue() + functionInput + "}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "\"\"|null", "\" \"|null", "\"null\"|null", "\"-0\"|0", "\"1.1\"|1.1", "\"true\"|true",
      "\"\\\"HelloWorld\\\"\"|\"HelloWorld\"", "\"[1, 2, \\\"HelloWorld\\\"]\"|[1,2,\"HelloWorld\"]",
      "\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"|{\"Arg1\":1,\"Arg2\":[]}",
      "\"{\\\"text\\\":\\\"An \\\\\\\"escaped\\\\\\\" quote\\\"}\"|{\"text\":\"An \\\"escaped\\\" quote\"}",
      "\"{\\\"outer\\\":\\\"{\\\\\\\"inner\\\\\\\":1}\\\"}\"|{\"outer\":\"{\\\"inner\\\":1}\"}"})
  void shouldParseEveryStringAwsParses(String functionInput, String expected) {
    assertThat(stringToJson(functionInput).output().get("FunctionResult")).isEqualTo(json(expected));
  }

  @Test
  void shouldAcceptUnescapedBracesInsideAStringLiteralArgument() {
    TestDriver d = new TestDriver("""
        {"StartAt":"StartState","States":{"StartState":{"Type":"Pass","Parameters":{
          "merged.$":"States.JsonMerge(States.StringToJson('{\\"constant_in_literal\\": \\"false\\"}'), $$.Execution.Input.input_field, false)"},
          "OutputPath":"$.merged","End":true}}}""").start("{\"input_field\":{\"constant_input_field\":\"constant_value\"}}");
    assertThat(d.output()).isEqualTo(json("{\"constant_input_field\":\"constant_value\",\"constant_in_literal\":\"false\"}"));
  }

  @Test
  void shouldSelectABracketNameHoldingABackslashAndQuotesAsWritten() {
    TestDriver d = new TestDriver("""
        {"StartAt":"JsonPathEscapeTest","States":{"JsonPathEscapeTest":{"Type":"Pass",
          "Parameters":{"value.$":"$['Test\\\\\\"\\"Name\\"']"},"End":true}}}""").start(INPUT);
    assertThat(d.output()).isEqualTo(json("{\"value\":\"Value\\\"\\\\\"}"));
  }

  @Test
  void shouldKeepParametersStringsWithEscapesAsTheirJsonValues() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{
          "literal_single_quote":"'","mixed_quotes":"Text with both \\"double\\" and 'single' quotes.",
          "escaped_double_in_string":"An escaped quote: \\\\\\"hello\\\\\\"","escaped_backslash":"Backslash \\\\\\\\ in string",
          "unicode_double_quote":"\\u0022unicode-quote\\u0022","whitespace_escapes":"Line1\\nLine2\\tTabbed"},"End":true}}}""")
        .start("{}");
    assertThat(d.output()).isEqualTo(json("""
        {"literal_single_quote":"'","mixed_quotes":"Text with both \\"double\\" and 'single' quotes.",
         "escaped_double_in_string":"An escaped quote: \\\\\\"hello\\\\\\"","escaped_backslash":"Backslash \\\\\\\\ in string",
         "unicode_double_quote":"\\"unicode-quote\\"","whitespace_escapes":"Line1\\nLine2\\tTabbed"}"""));
  }

  @Test
  void shouldRejectAnEscapedDoubleQuoteInsideAnIntrinsicStringLiteral() {
    // AWS: SCHEMA_VALIDATION_FAILED "must be a valid JSONPath or a valid intrinsic function call".
    assertThatThrownBy(() -> new TestDriver("""
        {"StartAt":"IntrinsicEscape","States":{"IntrinsicEscape":{"Type":"Pass","Parameters":{
          "parsed.$":"States.StringToJson('{\\"text\\":\\"An \\\\\\"escaped double quote\\\\\\" here\\"}')"},"End":true}}}"""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
