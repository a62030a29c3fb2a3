package dev.stepstream.server.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stepstream.server.api.aws.AwsException;
import org.junit.jupiter.api.Test;

/**
 * CreateStateMachine/UpdateStateMachine (and run-local) refuse a definition with AWS's exact
 * InvalidDefinition message. Sources of each expected string are named per test.
 */
class AdmissionTest {

  private static AwsException refusal(String definition, String type) {
    return catchThrowableOfType(() -> Admission.definition(definition, type), AwsException.class);
  }

  private static String message(String definition) {
    AwsException e = refusal(definition, "STANDARD");
    assertThat(e.errorName()).isEqualTo("InvalidDefinition");
    return e.getMessage();
  }

  /** localstack/localstack#11978: AWS output for this very definition. */
  @Test
  void shouldJoinSeveralProblemsWithCommasAsAwsDoes() {
    String definition = """
        {"StartAt":"pass1","States":{"pass1":{"Type":"Pass","Next":"pass3"},"pass2":{"Type":"Pass","End":true}}}""";

    assertThat(message(definition)).isEqualTo("Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' "
        + "target: pass3 at /States/pass1/Next, MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2'");
  }

  /** LocalStack test_sfn_api snapshot (BASE_INVALID_DER), recorded on AWS. */
  @Test
  void shouldNameMissingStatesAtTheRoot() {
    assertThat(message("{\"Comment\":\"BASE_INVALID_DER\",\"StartAt\":\"State_1\"}"))
        .isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'");
  }

  /** floci-io/floci#2735, measured on AWS: no location reads "at null". */
  @Test
  void shouldSayAtNullForAWorkflowWithoutTerminalState() {
    assertThat(message("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"B\":{\"Type\":\"Pass\",\"Next\":\"A\"}}}"))
        .isEqualTo("Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state at null'");
  }

  /** LocalStack test_sfn_api_validation (an all-blank definition); the API message adds "at null". */
  @Test
  void shouldRefuseABlankDefinitionAsNotAJsonObject() {
    assertThat(message("   "))
        .isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Definition must be a valid JSON object at null'");
  }

  /** LocalStack test_sfn_api_validation (NOT_A_DEF): message and location as ValidateStateMachineDefinition returns them. */
  @Test
  void shouldRefuseUnparsableJsonWithJacksonsLocation() {
    String location = "[Source: (String)\"not a definition\"; line: 1, column: 4]";

    assertThat(message("not a definition")).isEqualTo("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: "
        + "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at "
        + location + " at " + location + "'");
  }

  /** LocalStack test_sfn_api_express snapshots, recorded on AWS (note AWS's two spaces before "at"). */
  @Test
  void shouldRefuseCallbacksAndActivitiesInExpressMachinesOnly() {
    String wait = """
        {"StartAt":"Publish","States":{"Publish":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
        "Parameters":{"TopicArn.$":"$.TopicArn","Message":{"TaskToken.$":"$$.Task.Token"}},"End":true}}}""";
    String sync = """
        {"StartAt":"StartExecution","States":{"StartExecution":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync",
        "Parameters":{"StateMachineArn.$":"$.StateMachineArn","Input.$":"$.Input","Name.$":"$.Name"},"End":true}}}""";
    String activity = """
        {"StartAt":"ActivityTask","States":{"ActivityTask":{"Type":"Task",
        "Resource":"arn:aws:states:us-east-1:111111111111:activity:a","End":true}}}""";

    assertThat(refusal(wait, "EXPRESS").getMessage()).isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
        + "Express state machine does not support '.waitForTaskToken' service integration  at /States/Publish/Resource'");
    assertThat(refusal(sync, "EXPRESS").getMessage()).isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
        + "Express state machine does not support '.sync' service integration at /States/StartExecution/Resource'");
    assertThat(refusal(activity, "EXPRESS").getMessage()).isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
        + "Express state machine does not support Activity ARN at /States/ActivityTask/Resource'");
    assertThat(Admission.definition(wait, "STANDARD").path("StartAt").asText()).isEqualTo("Publish");
  }

  /** LocalStack test_credentials_base snapshots (EMPTY_CREDENTIALS), recorded on AWS. */
  @Test
  void shouldRefuseCredentialsWithoutRoleArn() {
    String definition = """
        {"QueryLanguage":"JSONata","StartAt":"State0","States":{"State0":{"Type":"Task",
        "Resource":"arn:aws:states:::lambda:invoke","Arguments":"{% $states.input %}","Credentials":{},"End":true}}}""";

    assertThat(message(definition)).isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
        + "The field 'RoleArn' is required but was missing at /States/State0/Credentials'");
  }

  /** LocalStack test_test_state_machine_scenarios snapshot, recorded on AWS. */
  @Test
  void shouldListTheStateTypesForAnUnknownType() {
    String definition = """
        {"StartAt":"ExistingButInvalidState","States":{"ExistingButInvalidState":{"Type":"Wrong","End":true}}}""";

    assertThat(message(definition)).isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field 'Type' "
        + "should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] "
        + "at /States/ExistingButInvalidState/Type'");
  }

  @Test
  void shouldRefuseALambdaInvokeWithoutFunctionName() {
    String definition = """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"Payload.$":"$"},"End":true}}}""";

    assertThat(message(definition)).isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
        + "The field 'FunctionName' is required but was missing at /States/T/Parameters'");
  }

  /** LocalStack test_sfn_api snapshot (test_invalid_start_execution_input), recorded on AWS. */
  @Test
  void shouldQuoteTheJsonParserForAnInvalidExecutionInput() {
    assertThat(catchThrowableOfType(() -> Admission.executionInput("not some json"), AwsException.class).getMessage())
        .isEqualTo("Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting (JSON String, Number, "
            + "Array, Object or token 'null', 'true' or 'false')'");
    assertThat(catchThrowableOfType(() -> Admission.executionInput("{'not': 'json'"), AwsException.class).getMessage())
        .isEqualTo("Invalid State Machine Execution Input: 'Unexpected character (''' (code 39)): "
            + "was expecting double-quote to start field name'");
    AwsException empty = catchThrowableOfType(() -> Admission.executionInput(""), AwsException.class);
    assertThat(empty.errorName()).isEqualTo("InvalidExecutionInput");
    assertThat(empty.getMessage()).isEqualTo("Invalid State Machine Execution Input: 'Invalid execution input.'");
    assertThat(Admission.executionInput("null").isNull()).isTrue();
    assertThat(Admission.executionInput("\"some text\"").asText()).isEqualTo("some text");
  }
}
