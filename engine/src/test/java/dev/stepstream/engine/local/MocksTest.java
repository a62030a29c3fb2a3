package dev.stepstream.engine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.wire.WireJson;
import org.junit.jupiter.api.Test;

class MocksTest {

  /** The example of the AWS page "Configuration file for mocked service integrations in Step Functions". */
  private static final String AWS_EXAMPLE = """
      {"StateMachines":{"LambdaSQSIntegration":{"TestCases":{
          "HappyPath":{"LambdaState":"MockedLambdaSuccess","SQSState":"MockedSQSSuccess"},
          "RetryPath":{"LambdaState":"MockedLambdaRetry","SQSState":"MockedSQSSuccess"},
          "HybridPath":{"LambdaState":"MockedLambdaSuccess"}}}},
       "MockedResponses":{
          "MockedLambdaSuccess":{"0":{"Return":{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}}},
          "LambdaMockedResourceNotReady":{"0":{"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}}},
          "MockedSQSSuccess":{"0":{"Return":{"MD5OfMessageBody":"3bcb6e8e-7h85-4375-b0bc-1a59812c6e51","MessageId":"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}}},
          "MockedLambdaRetry":{
             "0":{"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}},
             "1-2":{"Throw":{"Error":"Lambda.TimeoutException","Cause":"Lambda timed out."}},
             "3":{"Return":{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}}}}}
      """;

  @Test
  void shouldSelectTheResponsesOfATestCaseByInvocationRange() throws Exception {
    MockPlan plan = Mocks.parse(AWS_EXAMPLE).planFor("RetryPath").orElseThrow();
    MockedResponse lambda = plan.forState("LambdaState").orElseThrow();

    assertThat(lambda.forInvocation(0)).contains(
        new MockResponse.Throw("Lambda.ResourceNotReadyException", "Lambda resource is not ready."));
    assertThat(lambda.forInvocation(1)).contains(new MockResponse.Throw("Lambda.TimeoutException", "Lambda timed out."));
    assertThat(lambda.forInvocation(2)).contains(new MockResponse.Throw("Lambda.TimeoutException", "Lambda timed out."));
    assertThat(lambda.forInvocation(3)).containsInstanceOf(MockResponse.Return.class);
    assertThat(lambda.forInvocation(4)).isEmpty();
  }

  @Test
  void shouldMockOnlyTheStatesNamedInTheTestCase() throws Exception {
    MockPlan plan = Mocks.parse(AWS_EXAMPLE).planFor("HybridPath").orElseThrow();

    assertThat(plan.forState("LambdaState")).isPresent();
    assertThat(plan.forState("SQSState")).isEmpty();
  }

  @Test
  void shouldReportAnUnknownTestCaseAsAbsent() throws Exception {
    Mocks mocks = Mocks.parse(AWS_EXAMPLE);

    assertThat(mocks.hasTestCase("SadPath")).isFalse();
    assertThat(mocks.planFor("SadPath")).isEmpty();
  }

  @Test
  void shouldTakeTheTestCaseOfTheFirstStateMachineThatDefinesIt() throws Exception {
    Mocks mocks = Mocks.parse("""
        {"StateMachines":{"A":{"TestCases":{"T":{"S":"one"}}},"B":{"TestCases":{"T":{"S":"two"}}}},
         "MockedResponses":{"one":{"0":{"Return":1}},"two":{"0":{"Return":2}}}}""");

    MockedResponse chosen = mocks.planFor("T").orElseThrow().forState("S").orElseThrow();

    assertThat(chosen.name()).isEqualTo("one");
  }

  @Test
  void shouldMockTaskStatesByResponseNameWithoutATestCase() throws Exception {
    Mocks mocks = Mocks.parse("{\"MockedResponses\":{\"Charge\":{\"0\":{\"Return\":{\"ok\":true}}}}}");

    MockResponse response = mocks.defaultPlan().forState("Charge").orElseThrow().forInvocation(0).orElseThrow();

    assertThat(response).isEqualTo(new MockResponse.Return(WireJson.mapper().createObjectNode().put("ok", true)));
  }

  @Test
  void shouldAcceptAThrowWithoutCause() throws Exception {
    Mocks mocks = Mocks.parse("{\"MockedResponses\":{\"X\":{\"0\":{\"Throw\":{\"Error\":\"Boom\"}}}}}");

    assertThat(mocks.defaultPlan().forState("X").orElseThrow().forInvocation(0))
        .contains(new MockResponse.Throw("Boom", null));
  }

  @Test
  void shouldHaveNoResponsesWhenThereAreNoMocks() {
    assertThat(Mocks.none().defaultPlan().forState("Anything")).isEmpty();
    assertThat(Mocks.none().hasTestCase("HappyPath")).isFalse();
  }

  @Test
  void shouldRejectTextThatIsNotJson() {
    assertThatThrownBy(() -> Mocks.parse("{nope"))
        .isInstanceOf(InvalidMocksException.class)
        .hasMessageContaining("at /: not valid JSON");
  }

  @Test
  void shouldRejectANonObjectConfiguration() {
    assertThatThrownBy(() -> Mocks.parse("[]"))
        .isInstanceOf(InvalidMocksException.class)
        .hasMessageContaining("at /: the mock configuration must be a JSON object");
  }

  @Test
  void shouldNameAMisspelledTopLevelField() {
    assertThatThrownBy(() -> Mocks.parse("{\"MockedResponse\":{}}"))
        .hasMessageContaining("at /MockedResponse: unknown field 'MockedResponse'");
  }

  @Test
  void shouldRejectAResponseWithBothReturnAndThrow() {
    assertThatThrownBy(() -> Mocks.parse(
        "{\"MockedResponses\":{\"R\":{\"0\":{\"Return\":1,\"Throw\":{\"Error\":\"E\"}}}}}"))
        .hasMessageContaining("at /MockedResponses/R/0: must be an object with exactly one field");
  }

  @Test
  void shouldRejectAnInvocationKeyThatIsNotANumberOrRange() {
    assertThatThrownBy(() -> Mocks.parse("{\"MockedResponses\":{\"R\":{\"first\":{\"Return\":1}}}}"))
        .hasMessageContaining("at /MockedResponses/R/first: invocation key 'first'");
  }

  @Test
  void shouldRejectABackwardRange() {
    assertThatThrownBy(() -> Mocks.parse("{\"MockedResponses\":{\"R\":{\"3-1\":{\"Return\":1}}}}"))
        .hasMessageContaining("at /MockedResponses/R/3-1: invocation range '3-1' ends before it starts");
  }

  @Test
  void shouldRejectOverlappingRanges() {
    assertThatThrownBy(() -> Mocks.parse(
        "{\"MockedResponses\":{\"R\":{\"0-2\":{\"Return\":1},\"2\":{\"Return\":2}}}}"))
        .hasMessageContaining("at /MockedResponses/R/2: invocations 2 overlap invocations 0-2");
  }

  @Test
  void shouldRequireAThrowError() {
    assertThatThrownBy(() -> Mocks.parse("{\"MockedResponses\":{\"R\":{\"0\":{\"Throw\":{\"Cause\":\"c\"}}}}}"))
        .hasMessageContaining("at /MockedResponses/R/0/Throw/Error: is required");
  }

  @Test
  void shouldRejectATestCaseThatNamesAnUndefinedResponse() {
    assertThatThrownBy(() -> Mocks.parse(
        "{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"Missing\"}}}},\"MockedResponses\":{}}"))
        .hasMessageContaining("at /StateMachines/M/TestCases/T/S: mocked response 'Missing' is not defined");
  }

  @Test
  void shouldRequireTestCasesInEachStateMachine() {
    assertThatThrownBy(() -> Mocks.parse("{\"StateMachines\":{\"M\":{}}}"))
        .hasMessageContaining("at /StateMachines/M/TestCases: is required");
  }

  @Test
  void shouldEscapeSlashesAndTildesInPointers() {
    assertThatThrownBy(() -> Mocks.parse("{\"MockedResponses\":{\"a/b~c\":{}}}"))
        .hasMessageContaining("at /MockedResponses/a~1b~0c: must be a non-empty object");
  }

  @Test
  void shouldListEveryProblemAtOnce() {
    InvalidMocksException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidMocksException.class,
        () -> Mocks.parse("{\"MockedResponses\":{\"A\":{\"x\":{\"Return\":1}},\"B\":[]}}"));

    assertThat(e.problems()).hasSize(2);
  }
}
