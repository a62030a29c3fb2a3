package dev.stepstream.asl.intrinsics;

import static dev.stepstream.asl.testing.JsonFixtures.context;
import static dev.stepstream.asl.testing.JsonFixtures.json;
import static dev.stepstream.asl.testing.JsonFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.RandomSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of the AWS "Intrinsic functions" page (and the ASL specification), input to output. */
class IntrinsicFunctionsDocsExamplesTest {

  static JsonNode call(String expression, JsonNode input) throws InvalidExpressionException {
    return IntrinsicFunctions.compile(expression).evaluate(context(input));
  }

  @Test
  void shouldFormatWithLiteralTemplate() throws Exception {
    JsonNode input = json("{'name': 'Arnav', 'template': 'Hello, my name is {}.'}");
    assertThat(call("States.Format('Hello, my name is {}.', $.name)", input)).isEqualTo(json("'Hello, my name is Arnav.'"));
  }

  @Test
  void shouldFormatWithTemplateFromPath() throws Exception {
    JsonNode input = json("{'name': 'Arnav', 'template': 'Hello, my name is {}.'}");
    assertThat(call("States.Format($.template, $.name)", input)).isEqualTo(json("'Hello, my name is Arnav.'"));
  }

  @Test
  void shouldFormatNumbersLikeTheSpecExample() throws Exception {
    JsonNode input = json("{'name': 'Foo', 'zebra': 'stripe'}");
    assertThat(call("States.Format('Your name is {}, we are in the year {}', $.name, 2020)", input))
        .isEqualTo(json("'Your name is Foo, we are in the year 2020'"));
  }

  @Test
  void shouldParseEscapedJsonString() throws Exception {
    JsonNode input = parse("{\"escapedJsonString\": \"{\\\"foo\\\": \\\"bar\\\"}\"}");
    assertThat(call("States.StringToJson($.escapedJsonString)", input)).isEqualTo(json("{'foo': 'bar'}"));
  }

  @Test
  void shouldWriteJsonAsCompactStringLikeTheSpecExample() throws Exception {
    JsonNode input = json("{'someJson': {'name': 'Foo', 'year': 2020}, 'zebra': 'stripe'}");
    assertThat(call("States.JsonToString($.someJson)", input).textValue()).isEqualTo("{\"name\":\"Foo\",\"year\":2020}");
  }

  @Test
  void shouldBuildArrays() throws Exception {
    assertThat(call("States.Array($.Id)", json("{'Id': 123456}"))).isEqualTo(json("[123456]"));
    JsonNode input = json("{'someJson': {'random': 'abcdefg'}, 'zebra': 'stripe'}");
    assertThat(call("States.Array('Foo', 2020, $.someJson, null)", input))
        .isEqualTo(json("['Foo', 2020, {'random': 'abcdefg'}, null]"));
  }

  @Test
  void shouldPartitionArrays() throws Exception {
    assertThat(call("States.ArrayPartition($.inputArray,4)", json("{'inputArray': [1,2,3,4,5,6,7,8,9]}")))
        .isEqualTo(json("[[1,2,3,4], [5,6,7,8], [9]]"));
  }

  @Test
  void shouldFindValuesInArrays() throws Exception {
    JsonNode input = json("{'inputArray': [1,2,3,4,5,6,7,8,9], 'lookingFor': 5}");
    assertThat(call("States.ArrayContains($.inputArray, $.lookingFor)", input)).isEqualTo(json("true"));
  }

  @Test
  void shouldBuildRanges() throws Exception {
    assertThat(call("States.ArrayRange(1, 9, 2)", json("{}"))).isEqualTo(json("[1,3,5,7,9]"));
  }

  @Test
  void shouldGetItems() throws Exception {
    JsonNode input = json("{'inputArray': [1,2,3,4,5,6,7,8,9], 'index': 5}");
    assertThat(call("States.ArrayGetItem($.inputArray, $.index)", input)).isEqualTo(json("6"));
  }

  @Test
  void shouldMeasureArrays() throws Exception {
    assertThat(call("States.ArrayLength($.inputArray)", json("{'inputArray': [1,2,3,4,5,6,7,8,9]}"))).isEqualTo(json("9"));
  }

  @Test
  void shouldRemoveDuplicates() throws Exception {
    assertThat(call("States.ArrayUnique($.inputArray)", json("{'inputArray': [1,2,3,3,3,3,3,3,4]}")))
        .isEqualTo(json("[1,2,3,4]"));
  }

  @Test
  void shouldEncodeBase64() throws Exception {
    assertThat(call("States.Base64Encode($.input)", json("{'input': 'Data to encode'}")))
        .isEqualTo(json("'RGF0YSB0byBlbmNvZGU='"));
  }

  @Test
  void shouldDecodeBase64() throws Exception {
    // The docs page prints "Decoded data" as the output; the input decodes to "Data to encode".
    assertThat(call("States.Base64Decode($.base64)", json("{'base64': 'RGF0YSB0byBlbmNvZGU='}")))
        .isEqualTo(json("'Data to encode'"));
  }

  @Test
  void shouldHash() throws Exception {
    // The docs page prints the SHA-1 with one digit missing; this is the full digest of "input data".
    JsonNode input = json("{'Data': 'input data', 'Algorithm': 'SHA-1'}");
    assertThat(call("States.Hash($.Data, $.Algorithm)", input)).isEqualTo(json("'aaff4a450a104cd177d28d18d74485e8cae074b7'"));
  }

  @Test
  void shouldMergeShallowly() throws Exception {
    JsonNode input = json("{'json1': {'a': {'a1': 1, 'a2': 2}, 'b': 2}, 'json2': {'a': {'a3': 1, 'a4': 2}, 'c': 3}}");
    assertThat(call("States.JsonMerge($.json1, $.json2, false)", input))
        .isEqualTo(json("{'a': {'a3': 1, 'a4': 2}, 'b': 2, 'c': 3}"));
  }

  @Test
  void shouldDrawRandomNumbersInRangeFromTheContextRandomSource() throws Exception {
    JsonNode input = json("{'start': 1, 'end': 999}");
    JsonNode first = call("States.MathRandom($.start, $.end)", input);
    assertThat(first.isInt()).isTrue();
    assertThat(first.intValue()).isBetween(1, 998);
    double fraction = RandomSource.seeded(7).nextDouble();
    assertThat(first.intValue()).isEqualTo(1 + (int) Math.floor(fraction * 998));
  }

  @Test
  void shouldReturnTheSameRandomNumberForTheSameSeed() throws Exception {
    var expression = IntrinsicFunctions.compile("States.MathRandom(1, 1000, 42)");
    JsonNode one = expression.evaluate(EvalContext.of(json("{}"), json("{}"), Map.of(), RandomSource.seeded(1)));
    JsonNode two = expression.evaluate(EvalContext.of(json("{}"), json("{}"), Map.of(), RandomSource.seeded(2)));
    assertThat(one).isEqualTo(two);
    assertThat(one.intValue()).isBetween(1, 999);
  }

  @Test
  void shouldAdd() throws Exception {
    assertThat(call("States.MathAdd($.value1, $.step)", json("{'value1': 111, 'step': -1}"))).isEqualTo(json("110"));
  }

  @Test
  void shouldSplitStrings() throws Exception {
    JsonNode input = json("{'inputString': '1,2,3,4,5', 'splitter': ','}");
    assertThat(call("States.StringSplit($.inputString, $.splitter)", input)).isEqualTo(json("['1','2','3','4','5']"));
  }

  @Test
  void shouldSplitAtEachDelimiterCharacterAndDropEmptyParts() throws Exception {
    JsonNode input = json("{'inputString': 'This.is+a,test=string', 'splitter': '.+,='}");
    assertThat(call("States.StringSplit($.inputString, $.splitter)", input))
        .isEqualTo(json("['This','is','a','test','string']"));
    assertThat(call("States.StringSplit('a,,b,', ',')", json("{}"))).isEqualTo(json("['a','b']"));
  }

  @Test
  void shouldGenerateUuidsFromTheContextRandomSource() throws Exception {
    JsonNode uuid = call("States.UUID()", json("{}"));
    assertThat(uuid.textValue()).isEqualTo(RandomSource.seeded(7).nextUuid());
    assertThat(uuid.textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void shouldEvaluateNestedCallsLikeTheImageRecipeArnExample() throws Exception {
    // The docs example passes two values to a three-placeholder template; this keeps its nine
    // nested calls with a template that matches.
    JsonNode input = json("{'ImageRecipe': {'Arn': 'arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.3'}}");
    String expression = "States.Format('{}.{}', "
        + "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), "
        + "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";
    assertThat(call(expression, input)).isEqualTo(json("'1.0'"));
  }
}
