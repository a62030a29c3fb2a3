package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.model.IntegrationPattern;
import dev.stepstream.asl.model.ResourceKind;
import dev.stepstream.asl.model.TaskState;
import dev.stepstream.engine.Effect;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.runtime.History;
import dev.stepstream.engine.task.LambdaErrors;
import dev.stepstream.engine.task.NestedExecutions;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.engine.task.LambdaResults;
import dev.stepstream.engine.task.ResourceMapping;
import dev.stepstream.engine.task.TaskEvents;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskTokens;
import dev.stepstream.wire.WireVersions;

/**
 * The Task state: schedules a {@link TaskRequest} and waits for its result by token. Request-response,
 * {@code .sync} and activities complete when the worker answers; {@code .waitForTaskToken} completes
 * when someone returns the token given to the worker in {@code $$.Task.Token}.
 */
public final class TaskStates {
  private TaskStates() {}

  static void enter(Run run, Frame f, TaskState s) {
    long sequence = run.nextSequence();
    String arn = run.header().executionArn();
    String token = TaskTokens.create(arn, sequence, run.ctx().taskTokenNonce(arn, sequence));
    boolean callback = s.resource().pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN;
    EvalContext ec = Flow.eval(run, f, f.input(), callback ? token : null);
    JsonNode parameters = Flow.effectiveInput(s, ec);
    EvalContext pathInput = ec.withInput(Flow.afterInputPath(s, ec));
    long timeout = Dynamic.seconds(s.timeoutSeconds(), pathInput, "TimeoutSeconds");
    long heartbeat = s.heartbeatSeconds().isPresent() ? Dynamic.seconds(s.heartbeatSeconds().get(), pathInput, "HeartbeatSeconds") : 0;
    ResourceMapping.Target target = ResourceMapping.target(s.resource(), parameters);
    Flow.checkSize(run, s.name(), Json.write(target.input()));

    TaskEvents events = new TaskEvents(s.resource());
    boolean explicitTimeout = timeout != dev.stepstream.asl.model.TaskState.DEFAULT_TIMEOUT_SECONDS;
    run.emitFor(f, events.type("Scheduled"), events.detailsName("Scheduled"),
        events.scheduled(parameters, region(run.header().executionArn()), explicitTimeout ? timeout : 0, heartbeat));
    boolean activity = s.resource().kind() == ResourceKind.ACTIVITY;
    if (!activity) {
      run.emitFor(f, events.type("Started"), events.serviceIntegration() ? events.detailsName("Started") : null,
          events.started());
      if (events.serviceIntegration() && s.resource().pattern() == IntegrationPattern.RUN_JOB) {
        // AWS: TaskScheduled, TaskStarted, TaskSubmitted (the job was accepted), then the job's result.
        // The submit response is not known here, so taskSubmittedEventDetails carries no output, except
        // for a nested execution, whose ARN and start date the engine decides.
        run.emitFor(f, "TaskSubmitted", "taskSubmittedEventDetails", submitted(run, s, events, target, token));
      }
    }
    // The default (99,999,999 s, about 3.2 years) outlasts any Standard execution, which AWS caps at one
    // year, so it can never fire: not arming it saves two timer writes and their cancellation per task.
    run.awaitTask(f, token, !activity, explicitTimeout ? timeout : 0, heartbeat);
    run.addEffect(new Effect.ScheduleTask(new TaskRequest(WireVersions.CURRENT, run.header().executionArn(), token,
        s.resource().arn(), target.taskName(), s.name(), target.input(), f.retryCount() + 1,
        explicitTimeout ? timeout : null, heartbeat > 0 ? heartbeat : null, ec.context(), run.now())));
  }

  private static ObjectNode submitted(Run run, TaskState s, TaskEvents events, ResourceMapping.Target target,
      String token) {
    ObjectNode details = events.started();
    if (NestedExecutions.startsExecution(s.resource())) {
      NestedExecutions.childArn(target.input(), token).ifPresent(child -> History.putPayload(details, "output",
          NestedExecutions.started(child, run.now())));
    }
    return details;
  }

  /**
   * Stops the children of the {@code .sync}/{@code .sync:2} nested-execution Tasks in flight, as AWS
   * does when their parent is stopped or times out: a StopExecution command to each child.
   */
  public static void stopChildren(Run run) {
    for (Frame f : run.allFrames()) {
      if (f.task() == null || !(run.state(f) instanceof TaskState s) || !NestedExecutions.waitsForChild(s.resource())) {
        continue;
      }
      NestedExecutions.childArn(taskParameters(run, f, s), f.task().token()).ifPresent(child -> run.addEffect(
          new Effect.SendCommand(new StopExecution(WireVersions.CURRENT, child, null, null, run.now()))));
    }
  }

  /** The worker (or SendTaskSuccess) returned the task's output. */
  public static void succeeded(Run run, Frame f, TaskState s, JsonNode workerOutput) {
    TaskEvents events = new TaskEvents(s.resource());
    JsonNode result = workerOutput;
    if (ResourceMapping.target(s.resource(), Json.NODES.objectNode()).wrapLambdaResult()) {
      result = LambdaResults.invokeResult(workerOutput, taskParameters(run, f, s),
          LambdaResults.requestId(f.task().token()), run.now());
    }
    if (Json.utf8Size(Json.write(result), run.options().maxPayloadBytes()) > run.options().maxPayloadBytes()) {
      // Recorded on AWS (LocalStack's AWS-validated test_states_errors): the cause names 'lambda' for
      // lambda:invoke and the function ARN for a function resource, never the state.
      fail(run, f, s, events, ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + resultSource(s)
          + "' returned a result with a size exceeding the maximum number of bytes service limit.");
      return;
    }
    markStarted(run, f, events);
    run.endTask(f);
    run.emitFor(f, events.type("Succeeded"), events.detailsName("Succeeded"), events.succeeded(result));
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    Flow.Outcome out = Flow.output(s, ec, result);
    Flow.exit(run, f, s, out.output(), out.assigned(), s.next());
  }

  /** The task failed (worker error or SendTaskFailure); a Lambda function error gets AWS's cause. */
  public static void failed(Run run, Frame f, TaskState s, String error, String cause) {
    String recorded = cause;
    if (lambdaCall(s) && !run.ctx().mockedTaskResults()) {
      boolean invoke = s.resource().kind() == ResourceKind.SERVICE_INTEGRATION;
      recorded = LambdaErrors.cause(error, cause, invoke, LambdaResults.requestId(f.task().token()),
          () -> invoke ? LambdaErrors.functionArn(taskParameters(run, f, s).path("FunctionName").asText(""),
              run.header().executionArn()) : s.resource().arn());
    }
    fail(run, f, s, new TaskEvents(s.resource()), error, recorded);
  }

  private static void fail(Run run, Frame f, TaskState s, TaskEvents events, String error, String cause) {
    markStarted(run, f, events);
    run.endTask(f);
    run.emitFor(f, events.type("Failed"), events.detailsName("Failed"), events.failed(error, cause));
    run.schedule(new Step.Failed(f.id(), error, cause, true));
  }

  /** A Lambda function resource, or a request-response lambda:invoke (whose worker is the function). */
  private static boolean lambdaCall(TaskState s) {
    return s.resource().kind() == ResourceKind.LAMBDA_FUNCTION
        || ResourceMapping.target(s.resource(), Json.NODES.objectNode()).wrapLambdaResult();
  }

  /** What AWS names in a DataLimitExceeded cause for a task result: the function ARN, or the service. */
  private static String resultSource(TaskState s) {
    return s.resource().kind() == ResourceKind.SERVICE_INTEGRATION ? s.resource().service() : s.resource().arn();
  }

  /**
   * The task's effective parameters, evaluated again (they are not stored with the task): read for
   * lambda:invoke's FunctionName, Qualifier and LogType, and a nested execution's StateMachineArn and
   * Name. Empty when they no longer evaluate.
   */
  private static JsonNode taskParameters(Run run, Frame f, TaskState s) {
    try {
      return Flow.effectiveInput(s, Flow.eval(run, f, f.input(), null));
    } catch (AslException e) {
      return Json.NODES.objectNode();
    }
  }

  /** TimeoutSeconds or HeartbeatSeconds elapsed. */
  public static void timedOut(Run run, Frame f, TaskState s, String error) {
    TaskEvents events = new TaskEvents(s.resource());
    run.endTask(f);
    // AWS reports task timeouts without a cause text.
    run.emitFor(f, events.type("TimedOut"), events.detailsName("TimedOut"), events.failed(error, null));
    run.schedule(new Step.Failed(f.id(), error, null));
  }

  /**
   * A heartbeat restarts the HeartbeatSeconds timer. GetActivityTask sends one, naming the worker, when
   * it hands the task out: AWS's ActivityStarted carries {@code activityStartedEventDetails.workerName}.
   */
  public static void heartbeat(Run run, Frame f, TaskState s, String workerName) {
    TaskEvents events = new TaskEvents(s.resource());
    if (workerName != null && run.taskReported(f)) {
      run.emitFor(f, events.type("Started"), events.detailsName("Started"),
          Json.NODES.objectNode().put("workerName", workerName));
    } else {
      markStarted(run, f, events);
    }
    run.restartHeartbeat(f);
  }

  /** Activities are "started" when a worker first reports in (GetActivityTask reports with a heartbeat). */
  private static void markStarted(Run run, Frame f, TaskEvents events) {
    if (run.taskReported(f)) {
      run.emitFor(f, events.type("Started"), null, null);
    }
  }

  /** The region of an execution ARN ({@code arn:aws:states:<region>:...}). */
  static String region(String executionArn) {
    String[] parts = executionArn.split(":", 5);
    return parts.length >= 4 ? parts[3] : "";
  }
}
