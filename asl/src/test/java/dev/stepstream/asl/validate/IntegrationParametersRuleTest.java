package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compile;
import static dev.stepstream.asl.testing.Definitions.compileStates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** Required request fields from each service's API reference; the message follows AWS's Credentials wording. */
class IntegrationParametersRuleTest {

  private static ValidationResult task(String resource, String parameters) {
    return compileStates("T", "'T':{'Type':'Task','Resource':'arn:aws:states:::" + resource + "',"
        + "'Parameters':" + parameters + ",'End':true}");
  }

  @Test
  void shouldRequireFunctionNameForLambdaInvoke() {
    assertThat(task("lambda:invoke", "{'Payload.$':'$'}").diagnostics()).extracting(Diagnostic::toString).containsExactly(
        "ERROR MISSING_REQUIRED_FIELD at /States/T/Parameters: The field 'FunctionName' is required but was missing");
    assertValid(task("lambda:invoke", "{'FunctionName':'f','Payload.$':'$'}"));
    assertValid(task("lambda:invoke.waitForTaskToken", "{'FunctionName.$':'$.f'}"));
  }

  @Test
  void shouldRequireStateMachineArnForStartExecution() {
    assertHas(task("states:startExecution.sync:2", "{'Input.$':'$'}"), "MISSING_REQUIRED_FIELD", "/States/T/Parameters");
    assertValid(task("states:startExecution", "{'StateMachineArn':'arn:aws:states:us-east-1:1:stateMachine:c'}"));
  }

  @Test
  void shouldRequireMessageForSnsPublish() {
    assertHas(task("sns:publish", "{'TopicArn':'arn:aws:sns:us-east-1:1:t'}"), "MISSING_REQUIRED_FIELD", "/States/T/Parameters");
    assertValid(task("sns:publish", "{'TopicArn':'arn:aws:sns:us-east-1:1:t','Message.$':'$'}"));
  }

  @Test
  void shouldRequireQueueUrlAndMessageBodyForSqsSendMessage() {
    assertThat(task("sqs:sendMessage", "{}").diagnostics()).extracting(Diagnostic::message).containsExactly(
        "The field 'MessageBody' is required but was missing", "The field 'QueueUrl' is required but was missing");
  }

  @Test
  void shouldRequireEntriesForPutEventsAndEndpointMethodAuthenticationForHttpInvoke() {
    assertHas(task("events:putEvents", "{}"), "MISSING_REQUIRED_FIELD", "/States/T/Parameters");
    assertValid(task("events:putEvents", "{'Entries':[{'Detail':{}}]}"));
    assertThat(task("http:invoke", "{'Method':'GET'}").diagnostics()).extracting(Diagnostic::message).containsExactly(
        "The field 'ApiEndpoint' is required but was missing", "The field 'Authentication' is required but was missing");
  }

  @Test
  void shouldRequireTheFieldsWhenParametersAreMissingAltogether() {
    assertHas(compileStates("T", "'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','End':true}"),
        "MISSING_REQUIRED_FIELD", "/States/T/Parameters");
  }

  @Test
  void shouldCheckArgumentsInJsonataUnlessTheyAreOneExpression() {
    String head = "{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',";
    assertHas(compile(head + "'Arguments':{'Payload':'{% $states.input %}'},'End':true}}}"), "MISSING_REQUIRED_FIELD", "/States/T/Arguments");
    assertValid(compile(head + "'Arguments':{'FunctionName':'f'},'End':true}}}"));
    assertValid(compile(head + "'Arguments':'{% $states.input %}','End':true}}}"));
  }

  @Test
  void shouldNotCheckOtherResources() {
    assertValid(task("dynamodb:getItem", "{}"));
    assertValid(compileStates("T", "'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:1:function:f','End':true}"));
  }
}
