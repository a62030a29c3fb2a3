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
import dev.stepstream.engine.runtime.Phase;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import dev.stepstream.engine.runtime.TimerKind;
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
    String token = TaskTokens.create(run.header.executionArn, run.nextSequence(), run.ctx.random().nextUuid());
    boolean callback = s.resource().pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN;
    EvalContext ec = Flow.eval(run, f, f.input, callback ? token : null);
    JsonNode parameters = Flow.effectiveInput(s, ec);
    EvalContext pathInput = ec.withInput(Flow.afterInputPath(s, ec));
    long timeout = Dynamic.seconds(s.timeoutSeconds(), pathInput, "TimeoutSeconds");
    long heartbeat = s.heartbeatSeconds().isPresent() ? Dynamic.seconds(s.heartbeatSeconds().get(), pathInput, "HeartbeatSeconds") : 0;
    ResourceMapping.Target target = ResourceMapping.target(s.resource(), parameters);
    Flow.checkSize(run, s.name(), Json.write(target.input()));

    TaskEvents events = new TaskEvents(s.resource());
    boolean explicitTimeout = timeout != dev.stepstream.asl.model.TaskState.DEFAULT_TIMEOUT_SECONDS;
    f.lastEventId = run.emit(events.type("Scheduled"), f.lastEventId, events.detailsName("Scheduled"),
        events.scheduled(parameters, region(run.header.executionArn), explicitTimeout ? timeout : 0, heartbeat));
    boolean activity = s.resource().kind() == ResourceKind.ACTIVITY;
    if (!activity) {
      f.lastEventId = run.emit(events.type("Started"), f.lastEventId,
          events.serviceIntegration() ? events.detailsName("Started") : null, events.started());
      if (events.serviceIntegration() && s.resource().pattern() == IntegrationPattern.RUN_JOB) {
        // AWS: TaskScheduled, TaskStarted, TaskSubmitted (the job was accepted), then the job's result.
        // The submit response is not known here, so taskSubmittedEventDetails carries no output.
        f.lastEventId = run.emit("TaskSubmitted", f.lastEventId, "taskSubmittedEventDetails", events.started());
      }
    }
    f.phase = Phase.TASK;
    f.token = token;
    f.taskStarted = !activity;
    f.heartbeatSeconds = heartbeat;
    // The default (99,999,999 s, about 3.2 years) outlasts any Standard execution, which AWS caps at one
    // year, so it can never fire: not arming it saves two timer writes and their cancellation per task.
    f.timeoutTimerId = explicitTimeout ? run.startTimer(f.id, TimerKind.TASK_TIMEOUT, run.now + timeout * 1000L) : null;
    if (heartbeat > 0) {
      f.heartbeatTimerId = run.startTimer(f.id, TimerKind.HEARTBEAT_TIMEOUT, run.now + heartbeat * 1000L);
    }
    run.effects.add(new Effect.ScheduleTask(new TaskRequest(WireVersions.CURRENT, run.header.executionArn, token,
        s.resource().arn(), target.taskName(), s.name(), target.input(), f.retryCount + 1,
        explicitTimeout ? timeout : null, heartbeat > 0 ? heartbeat : null, ec.context(), run.now)));
  }

  /** The worker (or SendTaskSuccess) returned the task's output. */
  public static void succeeded(Run run, Frame f, TaskState s, JsonNode workerOutput) {
    TaskEvents events = new TaskEvents(s.resource());
    markStarted(run, f, events);
    clearPending(run, f);
    String text = Json.write(workerOutput);
    if (Json.utf8Size(text, run.options.maxPayloadBytes()) > run.options.maxPayloadBytes()) {
      failed(run, f, s, ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + s.name()
          + "' returned a result with a size exceeding the maximum number of bytes service limit.");
      return;
    }
    f.lastEventId = run.emit(events.type("Succeeded"), f.lastEventId, events.detailsName("Succeeded"),
        events.succeeded(workerOutput));
    ResourceMapping.Target target = ResourceMapping.target(s.resource(), Json.NODES.objectNode());
    JsonNode result = target.wrapLambdaResult() ? ResourceMapping.wrapLambdaResult(workerOutput) : workerOutput;
    EvalContext ec = Flow.eval(run, f, f.input, null);
    Flow.Outcome out = Flow.output(s, ec, result);
    Flow.exit(run, f, s, out.output(), out.assigned(), s.next());
  }

  /** The task failed (worker error or SendTaskFailure). */
  public static void failed(Run run, Frame f, TaskState s, String error, String cause) {
    TaskEvents events = new TaskEvents(s.resource());
    markStarted(run, f, events);
    clearPending(run, f);
    f.lastEventId = run.emit(events.type("Failed"), f.lastEventId, events.detailsName("Failed"),
        events.failed(error, cause));
    run.queue.add(new Step.Failed(f.id, error, cause));
  }

  /** TimeoutSeconds or HeartbeatSeconds elapsed. */
  public static void timedOut(Run run, Frame f, TaskState s, String error) {
    TaskEvents events = new TaskEvents(s.resource());
    clearPending(run, f);
    // AWS reports task timeouts without a cause text.
    f.lastEventId = run.emit(events.type("TimedOut"), f.lastEventId, events.detailsName("TimedOut"),
        events.failed(error, null));
    run.queue.add(new Step.Failed(f.id, error, null));
  }

  /** A heartbeat restarts the HeartbeatSeconds timer. */
  public static void heartbeat(Run run, Frame f, TaskState s) {
    markStarted(run, f, new TaskEvents(s.resource()));
    if (f.heartbeatSeconds > 0) {
      run.cancelTimer(f.heartbeatTimerId);
      f.heartbeatTimerId = run.startTimer(f.id, TimerKind.HEARTBEAT_TIMEOUT, run.now + f.heartbeatSeconds * 1000L);
    }
  }

  /** Activities are "started" when a worker first reports in (we do not see GetActivityTask). */
  private static void markStarted(Run run, Frame f, TaskEvents events) {
    if (!f.taskStarted) {
      f.taskStarted = true;
      f.lastEventId = run.emit(events.type("Started"), f.lastEventId, null, null);
    }
  }

  static void clearPending(Run run, Frame f) {
    run.cancelTimer(f.timeoutTimerId);
    run.cancelTimer(f.heartbeatTimerId);
    f.timeoutTimerId = null;
    f.heartbeatTimerId = null;
    f.token = null;
  }

  /** The region of an execution ARN ({@code arn:aws:states:<region>:...}). */
  static String region(String executionArn) {
    String[] parts = executionArn.split(":", 5);
    return parts.length >= 4 ? parts[3] : "";
  }
}
