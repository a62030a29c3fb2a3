package dev.stepstream.asl.jsonata;

import static dev.stepstream.asl.jsonata.JsonataTesting.eval;
import static dev.stepstream.asl.jsonata.JsonataTesting.evalOn;
import static dev.stepstream.asl.jsonata.JsonataTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.RandomSource;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepFunctionsFunctionsTest {

  @Test
  void shouldPartitionArrayIntoChunksAsInTheAwsExample() {
    assertThat(eval("$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)"))
        .isEqualTo(json("[[1,2,3],[4,5,6],[7,8,9]]"));
    assertThat(eval("$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 4)"))
        .isEqualTo(json("[[1,2,3,4],[5,6,7,8],[9]]"));
  }

  @Test
  void shouldTruncateChunkSizeAndTreatMissingSizeAsOneChunk() {
    assertThat(eval("$partition([1,2,3,4,5], 2.9)")).isEqualTo(json("[[1,2],[3,4],[5]]"));
    assertThat(eval("$partition([1,2,3])")).isEqualTo(json("[[1,2,3]]"));
    assertThat(eval("$partition(['a'], 5)")).isEqualTo(json("[[\"a\"]]"));
  }

  @Test
  void shouldYieldUndefinedForZeroChunkSizeOrEmptyArray() {
    assertUndefined("$partition([1,2,3], 0)");
    assertUndefined("$partition([], 2)");
  }

  @Test
  void shouldRejectNegativeChunkSizeAndWrongArgumentTypes() {
    assertEvaluationError("$partition([1,2,3], -1)", "D3137: Second argument must be zero or greater");
    assertEvaluationError("$partition([1,2,3], 'x')", "T0410");
    assertEvaluationError("$partition([1,2,3], 2, 3)", "T0410");
  }

  @Test
  void shouldBuildInclusiveRangesAsInTheAwsExample() {
    assertThat(eval("$range(0, 10, 2)")).isEqualTo(json("[0,2,4,6,8,10]"));
    assertThat(eval("$range(10, 0, -2)")).isEqualTo(json("[10,8,6,4,2,0]"));
    assertThat(eval("$range(1, 9, 2)")).isEqualTo(json("[1,3,5,7,9]"));
    assertThat(eval("$range(0, 9, 4)")).isEqualTo(json("[0,4,8]"));
  }

  @Test
  void shouldTruncateRangeArgumentsTowardsZeroAndCollapseSingleElement() {
    assertThat(eval("$range(-1.7, 2, 1)")).isEqualTo(json("[-1,0,1,2]"));
    assertThat(eval("$range(5, 1, -1.5)")).isEqualTo(json("[5,4,3,2,1]"));
    assertThat(eval("$range(3, 3, 1)")).isEqualTo(json("3"));
  }

  @Test
  void shouldYieldUndefinedForRangeWithoutUsableStep() {
    assertUndefined("$range(1, 5)");
    assertUndefined("$range(1, 5, 0)");
    assertUndefined("$range(5, 1, 1)");
  }

  @Test
  void shouldRejectRangesTooLargeOrWithMissingEnd() {
    assertThat(eval("$count($range(1, 360145, 1))")).isEqualTo(json("360145"));
    assertEvaluationError("$range(1, 360146, 1)", "memory limit exceeded");
    assertEvaluationError("$range(1)", "T0410");
    assertThat(eval("$count($range(-9223372036854775807, 9223372036854775807, 9223372036854775807))"))
        .isEqualTo(json("3"));
  }

  @Test
  void shouldHashUtf8TextWithEachSupportedAlgorithm() {
    assertThat(eval("$hash('Hello', 'MD5')").textValue()).isEqualTo("8b1a9953c4611296a827abf8c47804d7");
    assertThat(eval("$hash('Hello', 'SHA-1')").textValue())
        .isEqualTo("f7ff9e8b7bb2e09b70935a5d785e0cc5d9d0abf0");
    assertThat(eval("$hash('Hello', 'SHA-256')").textValue())
        .isEqualTo("185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969");
    assertThat(eval("$hash('Hello', 'SHA-384')").textValue()).hasSize(96);
    assertThat(eval("$hash('Hello', 'SHA-512')").textValue()).hasSize(128);
    assertThat(evalOn("$hash($states.input.content, 'SHA-256')", "{\"content\":\"Hello\"}").textValue())
        .isEqualTo("185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969");
  }

  @Test
  void shouldRejectUnknownOrMiscasedHashAlgorithmAndNonStringValues() {
    assertEvaluationError("$hash('Hello', 'md5')", "D3137: Unsupported hash algorithm 'md5'");
    assertEvaluationError("$hash('Hello', 'SHA3-256')", "D3137");
    assertEvaluationError("$hash(42, 'MD5')", "T0410");
    assertUndefined("$hash('Hello')");
  }

  @Test
  void shouldDrawSameNumberForSameSeed() {
    assertThat(eval("$random(42)").doubleValue()).isEqualTo(new Random(42).nextDouble());
    assertThat(eval("$random(42) = $random(42)").booleanValue()).isTrue();
    assertThat(eval("$random(0.9)")).isEqualTo(eval("$random(0)"));
    assertEvaluationError("$random(1, 2)", "T0410");
  }

  @Test
  void shouldDrawUnseededRandomFromTheContextRandomSource() {
    double first = RandomSource.seeded(1).nextDouble();

    assertThat(eval("$random()").doubleValue()).isEqualTo(first).isBetween(0.0, 1.0);
    assertThat(eval("$random() = $random()").booleanValue()).isFalse();
  }

  @Test
  void shouldGenerateVersion4UuidsFromTheContextRandomSource() {
    String expected = RandomSource.seeded(1).nextUuid();

    assertThat(eval("$uuid()").textValue()).isEqualTo(expected)
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(eval("$uuid() = $uuid()").booleanValue()).isFalse();
    assertEvaluationError("$uuid('seed')", "T0410");
  }

  @Test
  void shouldParseJsonTextIntoValues() {
    assertThat(evalOn("$parse($states.input.body).detail.amount * 100",
        "{\"body\":\"{\\\"detail\\\":{\\\"amount\\\":12.5}}\"}")).isEqualTo(json("1250"));
    assertThat(eval("$parse('[1,\"a\",null,true]')")).isEqualTo(json("[1,\"a\",null,true]"));
    assertThat(eval("$exists($parse('null'))").booleanValue()).isTrue();
  }

  @Test
  void shouldRejectInvalidJsonInParse() {
    assertEvaluationError("$parse('not valid json')", "D3137: Invalid JSON");
    assertEvaluationError("$parse('')", "D3137: Invalid JSON");
    assertEvaluationError("$parse('[1] [2]')", "D3137: Invalid JSON");
    assertEvaluationError("$parse('{\"a\":1,\"a\":2}')", "D3137: Invalid JSON");
    assertEvaluationError("$parse()", "T0410");
  }

  private static void assertUndefined(String expression) {
    assertThatThrownBy(() -> eval(expression))
        .isInstanceOfSatisfying(AslException.class, e -> assertThat(e.causeText())
            .endsWith("returned nothing (undefined)."));
  }

  private static void assertEvaluationError(String expression, String causePart) {
    assertThatThrownBy(() -> eval(expression))
        .isInstanceOfSatisfying(AslException.class, e -> {
          assertThat(e.error()).isEqualTo(ErrorNames.QUERY_EVALUATION_ERROR);
          assertThat(e.causeText()).contains("threw an error during evaluation").contains(causePart);
        });
  }
}
