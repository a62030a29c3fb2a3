package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.asl.Asl;
import dev.stepstream.asl.AslOptions;
import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.diag.Diagnostic;
import dev.stepstream.asl.testing.FakeCompiler;
import org.junit.jupiter.api.Test;

/** Wording: LocalStack's test_sfn_api_express snapshots, recorded on AWS (creation_error). */
class ExpressRuleTest {

  private static ValidationResult compile(String resource, String type) {
    String definition = "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + resource + "',"
        + "'Parameters':{'QueueUrl':'q','MessageBody':'m','StateMachineArn':'arn:aws:states:us-east-1:1:stateMachine:c'},"
        + "'End':true}}}";
    return Asl.compile(json(definition), new FakeCompiler(), AslOptions.defaults().withType(type));
  }

  @Test
  void shouldRefuseWaitForTaskTokenInAnExpressMachine() {
    assertThat(compile("arn:aws:states:::sqs:sendMessage.waitForTaskToken", "EXPRESS").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("ERROR NOT_ALLOWED_IN_EXPRESS at /States/T/Resource: "
            + "Express state machine does not support '.waitForTaskToken' service integration ");
  }

  @Test
  void shouldRefuseSyncInAnExpressMachine() {
    assertThat(compile("arn:aws:states:::states:startExecution.sync", "EXPRESS").diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("Express state machine does not support '.sync' service integration");
    assertThat(compile("arn:aws:states:::states:startExecution.sync:2", "EXPRESS").isValid()).isFalse();
  }

  @Test
  void shouldRefuseActivitiesInAnExpressMachine() {
    assertThat(compile("arn:aws:states:us-east-1:123456789012:activity:Approve", "EXPRESS").diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("Express state machine does not support Activity ARN");
  }

  @Test
  void shouldAcceptTheSamePatternsInAStandardMachine() {
    assertThat(compile("arn:aws:states:::sqs:sendMessage.waitForTaskToken", "STANDARD").isValid()).isTrue();
    assertThat(compile("arn:aws:states:::states:startExecution.sync", "STANDARD").isValid()).isTrue();
    assertThat(compile("arn:aws:states:us-east-1:123456789012:activity:Approve", "STANDARD").isValid()).isTrue();
  }

  @Test
  void shouldAcceptRequestResponseAndLambdaInAnExpressMachine() {
    assertThat(compile("arn:aws:states:::sqs:sendMessage", "EXPRESS").isValid()).isTrue();
    assertThat(compile("arn:aws:lambda:us-east-1:123456789012:function:Resize", "EXPRESS").isValid()).isTrue();
  }

  @Test
  void shouldCheckStatesNestedInParallelBranches() {
    String definition = "{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':[{'StartAt':'A','States':{"
        + "'A':{'Type':'Task','Resource':'arn:aws:states:us-east-1:1:activity:x','End':true}}}]}}}";
    ValidationResult result = Asl.compile(json(definition), new FakeCompiler(), AslOptions.defaults().withType("EXPRESS"));
    assertThat(result.diagnostics()).extracting(Diagnostic::location).containsExactly("/States/P/Branches/0/States/A/Resource");
  }
}
