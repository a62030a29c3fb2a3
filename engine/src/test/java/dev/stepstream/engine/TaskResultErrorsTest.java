package dev.stepstream.engine;

import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ExecutionStatus;
import org.junit.jupiter.api.Test;

/**
 * Failures reported for a task's result: payload limit, worker errors of Lambda tasks and timeouts,
 * as AWS records them (LocalStack's AWS-validated snapshots error_handling/test_states_errors,
 * test_task_lambda, test_task_service_lambda).
 */
class TaskResultErrorsTest {
  private static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:Big";
  private static final EngineOptions SMALL = new EngineOptions(1_000, 25_000, 2_000);

  private static String catchAll(String resource, String parameters) {
    return """
        {"StartAt":"InvokeLambda","States":{
          "InvokeLambda":{"Type":"Task","Resource":"%s"%s,"Next":"ProcessResult",
            "Catch":[{"ErrorEquals":["States.ALL"],"Next":"HandleGeneralError"}]},
          "ProcessResult":{"Type":"Pass","End":true},
          "HandleGeneralError":{"Type":"Pass","End":true}}}""".formatted(resource, parameters);
  }

  private static String big() {
    return "{\"big\":\"" + "x".repeat(3_000) + "\"}";
  }

  @Test
  void shouldCatchDataLimitExceededOfALambdaInvokeResultWithStatesAllNamingLambda() {
    TestDriver d = new TestDriver(catchAll("arn:aws:states:::lambda:invoke",
        ",\"Parameters\":{\"FunctionName\":\"f\",\"Payload.$\":\"$\"}"), SMALL).start("{}");
    d.succeedTask(big());
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("{\"Error\":\"States.DataLimitExceeded\",\"Cause\":\"The state/task 'lambda'"
        + " returned a result with a size exceeding the maximum number of bytes service limit.\"}"));
    assertThat(d.event("TaskFailed").details().get("error").asText()).isEqualTo("States.DataLimitExceeded");
  }

  @Test
  void shouldNameTheFunctionArnWhenAFunctionResourceResultExceedsTheLimit() {
    TestDriver d = new TestDriver(catchAll(FUNCTION, ""), SMALL).start("{}");
    d.succeedTask(big());
    assertThat(d.output().get("Cause").asText()).isEqualTo("The state/task '" + FUNCTION
        + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    assertThat(d.event("LambdaFunctionFailed").details().get("error").asText()).isEqualTo("States.DataLimitExceeded");
  }

  @Test
  void shouldKeepDataLimitExceededOfAStateOutputTerminalForStatesAll() {
    // AWS "Error names": States.ALL does not catch the terminal States.DataLimitExceeded.
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","ResultPath":"$.r",
          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},"H":{"Type":"Pass","End":true}}}"""
        .formatted(FUNCTION), SMALL).start("{\"pad\":\"" + "y".repeat(1_500) + "\"}");
    d.succeedTask("{\"more\":\"" + "z".repeat(1_000) + "\"}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains("States.DataLimitExceeded");
  }

  @Test
  void shouldGiveAnEmptyCauseInTheErrorOutputAfterATimeout() {
    TestDriver d = new TestDriver("""
        {"StartAt":"Start","States":{"Start":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"f"},"TimeoutSeconds":5,
          "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"EndWithHandler"}],"End":true},
          "EndWithHandler":{"Type":"Pass","End":true}}}""").start("{}");
    d.fireNextTimer();
    assertThat(d.output()).isEqualTo(json("{\"error\":{\"Error\":\"States.Timeout\",\"Cause\":\"\"}}"));
    assertThat(d.event("TaskTimedOut").details().has("cause")).isFalse();
  }

  @Test
  void shouldRecordACompactErrorDocumentForALambdaInvokeWorkerError() {
    TestDriver d = new TestDriver(catchAll("arn:aws:states:::lambda:invoke",
        ",\"Parameters\":{\"FunctionName\":\"f\"}"), SMALL).start("{}");
    d.failTask("Exception", "Some exception was raised.");
    String cause = d.output().get("Cause").asText();
    assertThat(d.output().get("Error").asText()).isEqualTo("Exception");
    assertThat(cause).startsWith("{\"errorMessage\":\"Some exception was raised.\",\"errorType\":\"Exception\","
        + "\"requestId\":\"").endsWith("\",\"stackTrace\":[]}");
    assertThat(d.event("TaskFailed").details().get("cause").asText()).isEqualTo(cause);
  }

  @Test
  void shouldGiveResourceNotFoundWithAwsCauseForAnUnknownFunction() {
    TestDriver d = new TestDriver(catchAll("arn:aws:states:::lambda:invoke",
        ",\"Parameters\":{\"FunctionName\":\"no_such_function\"}"), SMALL).start("{}");
    d.failTask("Lambda.ResourceNotFoundException", null);
    assertThat(d.output().get("Error").asText()).isEqualTo("Lambda.ResourceNotFoundException");
    assertThat(d.output().get("Cause").asText()).startsWith("Function not found: arn:aws:lambda:us-east-1:123456789012"
        + ":function:no_such_function:$LATEST (Service: AWSLambda; Status Code: 404; Error Code:"
        + " ResourceNotFoundException; Request ID: ").endsWith("; Proxy: null)");
  }

  @Test
  void shouldRecordTheWrappedResultInTaskSucceeded() {
    TestDriver d = new TestDriver(catchAll("arn:aws:states:::lambda:invoke",
        ",\"Parameters\":{\"FunctionName\":\"f\",\"LogType\":\"Tail\"}"), SMALL).start("{}");
    d.succeedTask("{\"ok\":true}");
    assertThat(json(d.event("TaskSucceeded").details().get("output").asText())).isEqualTo(d.output());
    assertThat(d.output().has("LogResult")).isTrue();
    assertThat(d.output().get("Payload")).isEqualTo(json("{\"ok\":true}"));
  }
}
