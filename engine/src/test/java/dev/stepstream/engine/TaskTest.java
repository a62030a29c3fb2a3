package dev.stepstream.engine;

import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskTokens;
import org.junit.jupiter.api.Test;

class TaskTest {
  static final String LAMBDA = "arn:aws:lambda:REGIAO:ID:function:SalvarImagem";

  static String task(String resource, String extra) {
    String handler = extra.contains("Handler") ? ",\"Handler\":{\"Type\":\"Pass\",\"End\":true}" : "";
    return """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s"%s,"End":true}%s}}"""
        .formatted(resource, extra, handler);
  }

  @Test
  void shouldScheduleLambdaFunctionTaskAndFinishWithItsResult() {
    TestDriver d = new TestDriver(task(LAMBDA, ",\"ResultPath\":\"$.r\"")).start("{\"a\":1}");
    TaskRequest request = d.lastTask();
    assertThat(request.taskName()).isEqualTo("SalvarImagem");
    assertThat(request.stateName()).isEqualTo("T");
    assertThat(request.attempt()).isEqualTo(1);
    assertThat(request.input()).isEqualTo(json("{\"a\":1}"));
    assertThat(TaskTokens.executionArn(request.taskToken())).contains(TestDriver.EXEC_ARN);
    assertThat(d.status()).isEqualTo(ExecutionStatus.RUNNING);

    d.succeedTask("{\"ok\":true}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("{\"a\":1,\"r\":{\"ok\":true}}"));
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled",
        "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded");
    assertThat(d.event("LambdaFunctionScheduled").details().get("resource").asText()).isEqualTo(LAMBDA);
    assertThat(d.event("LambdaFunctionSucceeded").detailsName()).isEqualTo("lambdaFunctionSucceededEventDetails");
    assertThat(d.timers).isEmpty();
  }

  @Test
  void shouldWrapLambdaInvokeResultAndRouteByFunctionName() {
    TestDriver d = new TestDriver(task("arn:aws:states:::lambda:invoke",
        ",\"Parameters\":{\"FunctionName\":\"arn:aws:lambda:us-east-1:1:function:Resize:$LATEST\",\"Payload.$\":\"$\"}"))
        .start("{\"k\":2}");
    assertThat(d.lastTask().taskName()).isEqualTo("Resize");
    assertThat(d.lastTask().input()).isEqualTo(json("{\"k\":2}"));
    d.succeedTask("{\"done\":1}");
    assertThat(d.output().get("ExecutedVersion").asText()).isEqualTo("$LATEST");
    assertThat(d.output().get("Payload")).isEqualTo(json("{\"done\":1}"));
    assertThat(d.output().get("StatusCode").asInt()).isEqualTo(200);
    assertThat(d.output().get("SdkHttpMetadata").get("HttpStatusCode").asInt()).isEqualTo(200);
    assertThat(d.event("TaskScheduled").details().get("resourceType").asText()).isEqualTo("lambda");
    assertThat(d.event("TaskScheduled").details().get("resource").asText()).isEqualTo("invoke");
    assertThat(d.event("TaskScheduled").details().get("region").asText()).isEqualTo("us-east-1");
    assertThat(d.eventTypes()).contains("TaskStarted", "TaskSucceeded");
  }

  @Test
  void shouldGiveTokenToWorkerForWaitForTaskTokenAndCompleteByToken() {
    TestDriver d = new TestDriver(task("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        ",\"Parameters\":{\"QueueUrl\":\"q\",\"MessageBody\":{\"token.$\":\"$$.Task.Token\"}}")).start("{}");
    TaskRequest request = d.lastTask();
    assertThat(request.taskName()).isEqualTo("__sqs.sendMessage");
    assertThat(request.input().get("MessageBody").get("token").asText()).isEqualTo(request.taskToken());
    d.succeedTask("{\"approved\":true}");
    assertThat(d.output()).isEqualTo(json("{\"approved\":true}"));
  }

  @Test
  void shouldRetryWithExponentialBackoffThenCatch() {
    TestDriver d = new TestDriver(task(LAMBDA, """
        ,"Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":2,"MaxAttempts":3,"BackoffRate":3}],
         "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"Handler"}]""")).start("{\"x\":1}");
    long[] expectedDelays = {2000, 6000, 18000};
    for (int i = 0; i < 3; i++) {
      d.failTask("Boom", "attempt " + (i + 1));
      assertThat(d.nextTimerDelay()).isEqualTo(expectedDelays[i]);
      d.fireNextTimer();
      assertThat(d.lastTask().attempt()).isEqualTo(i + 2);
      assertThat(d.lastTask().context().get("State").get("RetryCount").asInt()).isEqualTo(i + 1);
    }
    d.failTask("Boom", "final");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output().get("x").asInt()).isEqualTo(1);
    assertThat(d.output().get("err").get("Error").asText()).isEqualTo("Boom");
    // A function error's cause is the Lambda error document (see LambdaErrorsTest).
    assertThat(json(d.output().get("err").get("Cause").asText()).get("errorMessage").asText()).isEqualTo("final");
    assertThat(d.eventTypes().stream().filter("TaskStateEntered"::equals)).hasSize(1);
    assertThat(d.eventTypes().stream().filter("LambdaFunctionScheduled"::equals)).hasSize(4);
  }

  @Test
  void shouldCapRetryDelayWithMaxDelaySecondsAndApplyFullJitter() {
    TestDriver d = new TestDriver(task(LAMBDA, """
        ,"Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":10,"MaxAttempts":5,"BackoffRate":10,
          "MaxDelaySeconds":50,"JitterStrategy":"FULL"}]"""));
    d.random = new dev.stepstream.asl.eval.RandomSource() {
      @Override
      public double nextDouble() {
        return 0.5;
      }

      @Override
      public String nextUuid() {
        return "00000000-0000-4000-8000-000000000000";
      }
    };
    d.start("{}");
    d.failTask("X", null);
    assertThat(d.nextTimerDelay()).isEqualTo(5000);
    d.fireNextTimer();
    d.failTask("X", null);
    assertThat(d.nextTimerDelay()).isEqualTo(25000);
  }

  @Test
  void shouldUseFirstMatchingRetrierAndNotRetryWhenItIsExhausted() {
    TestDriver d = new TestDriver(task(LAMBDA, """
        ,"Retry":[{"ErrorEquals":["A"],"MaxAttempts":0},{"ErrorEquals":["States.ALL"],"MaxAttempts":3}]""")).start("{}");
    d.failTask("A", "no retry");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains("A");
  }

  @Test
  void shouldNotCatchStatesRuntimeWithStatesAll() {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","OutputPath":"$.missing",
          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},"H":{"Type":"Pass","End":true}}}"""
        .formatted(LAMBDA)).start("{}");
    d.succeedTask("{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains("States.Runtime");
    assertThat(d.state.cause().orElseThrow())
        .startsWith("An error occurred while executing the state 'T' (entered at the event id #2). ");
  }

  @Test
  void shouldTimeOutTaskWithStatesTimeout() {
    TestDriver d = new TestDriver(task(LAMBDA, ",\"TimeoutSeconds\":30")).start("{}");
    assertThat(d.lastTask().timeoutSeconds()).isEqualTo(30L);
    assertThat(d.nextTimerDelay()).isEqualTo(30_000);
    d.fireNextTimer();
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains("States.Timeout");
    assertThat(d.eventTypes()).contains("LambdaFunctionTimedOut");
    // A late result for the timed-out task is ignored.
    assertThat(d.succeedTask("{}").applied()).isFalse();
  }

  @Test
  void shouldResetHeartbeatTimerOnHeartbeatAndTimeOutWithoutOne() {
    TestDriver d = new TestDriver(task("arn:aws:states:us-east-1:1:activity:Approve",
        ",\"TimeoutSeconds\":100,\"HeartbeatSeconds\":10")).start("{}");
    assertThat(d.lastTask().taskName()).isEqualTo("Approve");
    d.now += 8_000;
    d.heartbeat();
    assertThat(d.nextTimerDelay()).isEqualTo(10_000);
    d.fireNextTimer();
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains("States.HeartbeatTimeout");
    assertThat(d.eventTypes()).containsSubsequence("ActivityScheduled", "ActivityStarted", "ActivityTimedOut",
        "ExecutionFailed");
  }

  @Test
  void shouldMatchTaskFailedWildcardButNotTimeout() {
    TestDriver d = new TestDriver(task(LAMBDA, """
        ,"TimeoutSeconds":5,"Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Handler"}]""")).start("{}");
    d.fireNextTimer();
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);

    TestDriver d2 = new TestDriver(task(LAMBDA, """
        ,"Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Handler"}]""")).start("{}");
    d2.failTask("Custom", "c");
    assertThat(d2.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d2.output().get("Error").asText()).isEqualTo("Custom");
    assertThat(json(d2.output().get("Cause").asText()).get("errorMessage").asText()).isEqualTo("c");
  }

  @Test
  void shouldIgnoreUnknownToken() {
    TestDriver d = new TestDriver(task(LAMBDA, "")).start("{}");
    Decision decision = d.apply(new dev.stepstream.wire.TaskSucceeded(1, TestDriver.EXEC_ARN, "bogus", json("{}")));
    assertThat(decision.applied()).isFalse();
    assertThat(decision.ignored()).isPresent();
  }
}
