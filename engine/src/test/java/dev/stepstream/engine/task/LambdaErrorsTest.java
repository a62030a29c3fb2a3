package dev.stepstream.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Worker failures of Lambda tasks as AWS records function errors (LocalStack's AWS-validated
 * snapshots error_handling/test_task_lambda and test_task_service_lambda).
 */
class LambdaErrorsTest {
  private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:Resize";
  private static final String ID = "3f1c1d55-0d4e-4f7f-9d8e-000000000001";

  @Test
  void shouldBuildTheCompactErrorDocumentWhenTheWorkerSendsAMessage() {
    assertThat(LambdaErrors.cause("Exception", "Some exception was raised.", true, ID, () -> ARN))
        .isEqualTo("{\"errorMessage\":\"Some exception was raised.\",\"errorType\":\"Exception\",\"requestId\":\""
            + ID + "\",\"stackTrace\":[]}");
  }

  @Test
  void shouldCompactTheWorkersErrorDocumentForLambdaInvoke() {
    String written = "{\"errorMessage\": \"\", \"errorType\": \"CustomException\", \"requestId\": \"r\","
        + " \"stackTrace\": [\"  File \\\"/var/task/handler.py\\\", line 9\"]}";
    assertThat(LambdaErrors.cause("CustomException", written, true, ID, () -> ARN))
        .isEqualTo("{\"errorMessage\":\"\",\"errorType\":\"CustomException\",\"requestId\":\"r\","
            + "\"stackTrace\":[\"  File \\\"/var/task/handler.py\\\", line 9\"]}");
  }

  @Test
  void shouldKeepTheWorkersErrorDocumentAsWrittenForAFunctionResource() {
    String written = "{\"errorMessage\": \"Some exception was raised.\", \"errorType\": \"Exception\"}";
    assertThat(LambdaErrors.cause("Exception", written, false, ID, () -> ARN)).isEqualTo(written);
  }

  @Test
  void shouldKeepServiceErrorsAsSent() {
    assertThat(LambdaErrors.cause("Lambda.TooManyRequestsException", "Rate exceeded", true, ID, () -> ARN))
        .isEqualTo("Rate exceeded");
    assertThat(LambdaErrors.cause("States.Timeout", null, true, ID, () -> ARN)).isNull();
  }

  @Test
  void shouldWriteAwsFunctionNotFoundCauseWhenResourceNotFoundComesWithoutCause() {
    assertThat(LambdaErrors.cause(LambdaErrors.RESOURCE_NOT_FOUND, "", true, ID, () -> ARN))
        .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:Resize:$LATEST (Service:"
            + " AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: " + ID
            + "; Proxy: null)");
  }

  @Test
  void shouldQualifyAPlainFunctionNameWithTheExecutionsRegionAndAccount() {
    String execution = "arn:aws:states:eu-west-1:111111111111:execution:M:run";
    assertThat(LambdaErrors.functionArn("Resize", execution))
        .isEqualTo("arn:aws:lambda:eu-west-1:111111111111:function:Resize");
    assertThat(LambdaErrors.functionArn("222222222222:function:Resize", execution))
        .isEqualTo("arn:aws:lambda:eu-west-1:222222222222:function:Resize");
    assertThat(LambdaErrors.functionArn(ARN + ":7", execution)).isEqualTo(ARN + ":7");
  }
}
