package dev.stepstream.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ExecutionStatus;
import org.junit.jupiter.api.Test;

/**
 * Error names and causes of run-time failures, pinned to what AWS returned. "Recorded" texts come
 * from LocalStack's AWS-validated snapshots (tests/aws/services/stepfunctions/v2: base/test_wait,
 * scenarios/test_base_scenarios); the state prefix is "An error occurred while executing the state
 * '<name>' (entered at the event id #<n>). ".
 */
class RuntimeCausesTest {
  private static final String WAIT_PREFIX = "An error occurred while executing the state 'W' (entered at the event id #2). ";
  private static final String MAP_PREFIX = "An error occurred while executing the state 'M' (entered at the event id #2). ";

  private static TestDriver wait(String field, String input) {
    return new TestDriver("""
        {"StartAt":"W","States":{"W":{"Type":"Wait",%s,"End":true}}}""".formatted(field)).start(input);
  }

  private static TestDriver jsonataWait(String field, String input) {
    return new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"W","States":{"W":{"Type":"Wait",%s,"End":true}}}""".formatted(field))
        .start(input);
  }

  private static void assertFailed(TestDriver d, String error, String cause) {
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains(error);
    assertThat(d.state.cause()).contains(cause);
  }

  @Test
  void shouldSaySecondsPathDoesNotReferenceAnInputValueWhenItFindsNothing() {
    assertFailed(wait("\"SecondsPath\":\"$.input.waitSeconds\"", "{\"input\":{}}"), "States.Runtime",
        WAIT_PREFIX + "The SecondsPath parameter does not reference an input value: $.input.waitSeconds");
  }

  @Test
  void shouldSaySecondsPathReferencesANegativeValueWhenItIsNegative() {
    assertFailed(wait("\"SecondsPath\":\"$.input.waitSeconds\"", "{\"input\":{\"waitSeconds\":-1}}"), "States.Runtime",
        WAIT_PREFIX + "The SecondsPath parameter references a negative value: $.input.waitSeconds == -1");
  }

  @Test
  void shouldSaySecondsPathCannotBeParsedAsALongWhenItIsNotAnInteger() {
    assertFailed(wait("\"SecondsPath\":\"$.input.waitSeconds\"", "{\"input\":{\"waitSeconds\":1.5}}"), "States.Runtime",
        WAIT_PREFIX + "The SecondsPath parameter cannot be parsed as a long value: $.input.waitSeconds == 1.5");
  }

  @Test
  void shouldSayTimestampPathIsNotAnIsoTimestampWhenTheOffsetIsMissing() {
    assertFailed(wait("\"TimestampPath\":\"$.TimestampValue\"", "{\"TimestampValue\":\"2016-12-05T21:29:29\"}"),
        "States.Runtime", WAIT_PREFIX + "The TimestampPath parameter does not reference a valid ISO-8601 extended"
            + " offset date-time format string: $.TimestampValue == 2016-12-05T21:29:29");
  }

  @Test
  void shouldSayWaitDelayIsTooLongForATimestampMoreThan2To31SecondsAway() {
    // Recorded: 24,856 days ahead fails, 24,855 days ahead waits.
    assertFailed(wait("\"TimestampPath\":\"$.t\"", "{\"t\":\"2092-01-01T00:00:00Z\"}"), "States.Runtime",
        WAIT_PREFIX + "Wait state delay is too long.");
    assertThat(wait("\"TimestampPath\":\"$.t\"", "{\"t\":\"2091-12-01T00:00:00Z\"}").status())
        .isEqualTo(ExecutionStatus.RUNNING);
  }

  @Test
  void shouldAcceptFractionsOfASecondInATimestamp() {
    assertThat(wait("\"TimestampPath\":\"$.t\"", "{\"t\":\"2016-12-05T21:29:29.000000Z\"}").status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void shouldFailWithQueryEvaluationErrorWhenAJsonataTimestampCannotBeParsed() {
    assertFailed(jsonataWait("\"Timestamp\":\"{% $states.input.t %}\"", "{\"t\":\"2016-13-05T21:29:29Z\"}"),
        "States.QueryEvaluationError", WAIT_PREFIX + "The Timestamp field cannot be parsed as an ISO-8601 extended"
            + " offset date-time format string: 2016-13-05T21:29:29Z");
  }

  @Test
  void shouldFailWithQueryEvaluationErrorWhenJsonataSecondsIsOutOfRange() {
    TestDriver d = jsonataWait("\"Seconds\":\"{% $states.input.s %}\"", "{\"s\":-5}");
    assertThat(d.state.error()).contains("States.QueryEvaluationError");
    assertThat(d.state.cause().orElseThrow()).startsWith(WAIT_PREFIX
        + "The JSONata expression '$states.input.s' specified for the field 'Seconds' returned an unexpected result type.");
  }

  @Test
  void shouldSayJsonataItemsReturnedAnUnexpectedTypeWhenNotAnArray() {
    TestDriver d = new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% $states.input.v %}",
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""")
        .start("{\"v\":{\"foo\":\"bar\"}}");
    assertFailed(d, "States.QueryEvaluationError", MAP_PREFIX + "The JSONata expression '$states.input.v' specified"
        + " for the field 'Items' returned an unexpected result type. Expected 'array', but was 'object' for value:"
        + " {\"foo\":\"bar\"}");
  }

  @Test
  void shouldSayMapInputMustBeAnArrayWhenJsonataMapHasNoItems() {
    TestDriver d = new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map",
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""").start("\"string\"");
    assertFailed(d, "States.QueryEvaluationError", MAP_PREFIX + "Map state input must be an array but was: \"string\"");
  }

  private static TestDriver map(String field, String input) {
    return new TestDriver("""
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",%s,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""".formatted(field)).start(input);
  }

  @Test
  void shouldSayMaxConcurrencyPathRefersToAValueThatIsNotAValidInteger() {
    assertFailed(map("\"MaxConcurrencyPath\":\"$.MaxConcurrencyValue\"", "{\"items\":[1],\"MaxConcurrencyValue\":\"NoNumber\"}"),
        "States.Runtime", MAP_PREFIX + "The MaxConcurrencyPath field refers to value \"NoNumber\" which is not a valid"
            + " integer: $.MaxConcurrencyValue");
  }

  @Test
  void shouldSayToleratedFailureCountPathRefersToAValueThatIsNotAValidInteger() {
    assertFailed(map("\"ToleratedFailureCountPath\":\"$.ToleratedFailureCount\"", "{\"items\":[1],\"ToleratedFailureCount\":{}}"),
        "States.Runtime", MAP_PREFIX + "The ToleratedFailureCountPath field refers to value \"{}\" which is not a valid"
            + " integer: $.ToleratedFailureCount");
  }

  @Test
  void shouldSayToleratedFailureCountCannotBeNegative() {
    assertFailed(map("\"ToleratedFailureCountPath\":\"$.c\"", "{\"items\":[1],\"c\":-1}"), "States.Runtime",
        MAP_PREFIX + "ToleratedFailureCount cannot be negative.");
  }

  @Test
  void shouldSayToleratedFailurePercentagePathRefersToAValueThatIsNotAValidFloat() {
    assertFailed(map("\"ToleratedFailurePercentagePath\":\"$.ToleratedFailurePercentage\"",
        "{\"items\":[1],\"ToleratedFailurePercentage\":\"NoNumber\"}"), "States.Runtime", MAP_PREFIX + "The"
            + " ToleratedFailurePercentagePath field refers to value \"NoNumber\" which is not a valid float:"
            + " $.ToleratedFailurePercentage");
  }

  @Test
  void shouldSayToleratedFailurePercentageMustBeBetween0And100() {
    assertFailed(map("\"ToleratedFailurePercentagePath\":\"$.p\"", "{\"items\":[1],\"p\":101}"), "States.Runtime",
        MAP_PREFIX + "ToleratedFailurePercentage must be between 0 and 100.");
  }

  @Test
  void shouldSayErrorPathCouldNotBeFoundInTheInput() {
    TestDriver d = new TestDriver("""
        {"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.ErrorX","Cause":"c"}}}""").start("{\"a\":1}");
    assertFailed(d, "States.Runtime", "An error occurred while executing the state 'F' (entered at the event id #2)."
        + " The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{\"a\":1}'");
  }

  @Test
  void shouldSayCausePathCouldNotBeFoundInTheInput() {
    TestDriver d = new TestDriver("""
        {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","CausePath":"$.NoSuchCausePath"}}}""").start("{}");
    assertFailed(d, "States.Runtime", "An error occurred while executing the state 'F' (entered at the event id #2)."
        + " The JSONPath '$.NoSuchCausePath' specified for the field 'CausePath' could not be found in the input '{}'");
  }

  @Test
  void shouldSayMissingPropertyWhenOutputPathMissesAnIntermediateProperty() {
    TestDriver d = new TestDriver("""
        {"StartAt":"RaiseRuntime","States":{"RaiseRuntime":{"Type":"Pass","OutputPath":"$.no.such.result.path",
          "End":true}}}""").start("{}");
    assertFailed(d, "States.Runtime", "An error occurred while executing the state 'RaiseRuntime' (entered at the"
        + " event id #2). Invalid path '$.no.such.result.path' : Missing property in path $['no']");
  }

  @Test
  void shouldNameTheWholePathWhenTimeoutSecondsPathFindsNothing() {
    TestDriver d = new TestDriver("""
        {"StartAt":"task","States":{"task":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"f"},"TimeoutSecondsPath":"$.NoSuchTimeoutSecondsPath","End":true}}}""")
        .start("{}");
    assertFailed(d, "States.Runtime", "An error occurred while executing the state 'task' (entered at the event id"
        + " #2). Invalid path '$.NoSuchTimeoutSecondsPath' : No results for path: $['NoSuchTimeoutSecondsPath']");
  }

  @Test
  void shouldRecordEvaluationFailedThenMapStateFailedWhenJsonataItemsIsNotAnArray() {
    TestDriver d = new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% 1 %}",
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""").start("{}");
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "MapStateEntered", "EvaluationFailed",
        "MapStateFailed", "ExecutionFailed");
    assertThat(d.event("EvaluationFailed").details()).isEqualTo(TestDriver.json("""
        {"cause":"%sThe JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1",
         "error":"States.QueryEvaluationError","location":"Items","state":"M"}""".formatted(MAP_PREFIX)));
  }

  @Test
  void shouldRecordEvaluationFailedWithTheFieldOfAJsonataOutputThatReturnedNothing() {
    TestDriver d = new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"State0","States":{"State0":{"Type":"Pass",
          "Output":{"result":"{% $doesNotExist %}"},"End":true}}}""").start("{}");
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "PassStateEntered", "EvaluationFailed",
        "ExecutionFailed");
    assertThat(d.event("EvaluationFailed").details().get("location").asText()).isEqualTo("Output/result");
    assertThat(d.state.cause()).contains("An error occurred while executing the state 'State0' (entered at the event"
        + " id #2). The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing"
        + " (undefined).");
  }

  @Test
  void shouldRecordEvaluationFailedAtTimestampForAnUnparsableJsonataTimestamp() {
    TestDriver d = jsonataWait("\"Timestamp\":\"{% $states.input.t %}\"", "{\"t\":\"05-12-2016T21:29:29Z\"}");
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "WaitStateEntered", "EvaluationFailed",
        "ExecutionFailed");
    assertThat(d.event("EvaluationFailed").details().get("location").asText()).isEqualTo("Timestamp");
  }

  @Test
  void shouldWaitForComputedJsonataSecondsAndMaxConcurrency() {
    TestDriver d = jsonataWait("\"Seconds\":\"{% 1 + 1 %}\"", "{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(d.nextTimerDelay()).isEqualTo(2000);
    TestDriver m = new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% [1,2,3] %}",
          "MaxConcurrency":"{% 1 + 1 %}",
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""").start("{}");
    assertThat(m.output()).isEqualTo(TestDriver.json("[1,2,3]"));
  }
}
