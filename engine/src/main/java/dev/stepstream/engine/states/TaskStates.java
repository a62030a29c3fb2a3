package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
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
        // The submit response is not known here, so taskSubmittedEventDetails carries no output.
        run.emitFor(f, "TaskSubmitted", "taskSubmittedEventDetails", events.started());
      }
    }
    // The default (99,999,999 s, about 3.2 years) outlasts any Standard execution, which AWS caps at one
    // year, so it can never fire: not arming it saves two timer writes and their cancellation per task.
    run.awaitTask(f, token, !activity, explicitTimeout ? timeout : 0, heartbeat);
    run.addEffect(new Effect.ScheduleTask(new TaskRequest(WireVersions.CURRENT, run.header().executionArn(), token,
        s.resource().arn(), target.taskName(), s.name(), target.input(), f.retryCount() + 1,
        explicitTimeout ? timeout : null, heartbeat > 0 ? heartbeat : null, ec.context(), run.now())));
  }

  /** The worker (or SendTaskSuccess) returned the task's output. */
  public static void succeeded(Run run, Frame f, TaskState s, JsonNode workerOutput) {
    TaskEvents events = new TaskEvents(s.resource());
    String text = Json.write(workerOutput);
    if (Json.utf8Size(text, run.options().maxPayloadBytes()) > run.options().maxPayloadBytes()) {
      failed(run, f, s, ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + s.name()
          + "' returned a result with a size exceeding the maximum number of bytes service limit.");
      return;
    }
    markStarted(run, f, events);
    run.endTask(f);
    run.emitFor(f, events.type("Succeeded"), events.detailsName("Succeeded"), events.succeeded(workerOutput));
    ResourceMapping.Target target = ResourceMapping.target(s.resource(), Json.NODES.objectNode());
    JsonNode result = target.wrapLambdaResult() ? ResourceMapping.wrapLambdaResult(workerOutput) : workerOutput;
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    Flow.Outcome out = Flow.output(s, ec, result);
    Flow.exit(run, f, s, out.output(), out.assigned(), s.next());
  }

  /** The task failed (worker error or SendTaskFailure). */
  public static void failed(Run run, Frame f, TaskState s, String error, String cause) {
    TaskEvents events = new TaskEvents(s.resource());
    markStarted(run, f, events);
    run.endTask(f);
    run.emitFor(f, events.type("Failed"), events.detailsName("Failed"), events.failed(error, cause));
    run.schedule(new Step.Failed(f.id(), error, cause));
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
