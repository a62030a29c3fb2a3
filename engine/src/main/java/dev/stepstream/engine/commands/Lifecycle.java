package dev.stepstream.engine.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.engine.Effect;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.History;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import dev.stepstream.engine.states.AbortEvents;
import dev.stepstream.engine.states.TaskStates;
import dev.stepstream.engine.task.NestedStartAnswers;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StopExecution;
import java.util.ArrayList;
import java.util.List;

/** StartExecution, StopExecution, execution timeout and Continue. */
public final class Lifecycle {
  private Lifecycle() {}

  public static void start(Run run, StartExecution start) {
    String inputText = Json.write(start.input());
    boolean tooLarge = Json.utf8Size(inputText, run.options().maxPayloadBytes()) > run.options().maxPayloadBytes();
    ObjectNode details = Json.NODES.objectNode();
    if (!tooLarge) {
      details.put("input", inputText);
    }
    details.putObject("inputDetails").put("truncated", tooLarge);
    details.put("roleArn", run.definition().roleArn());
    if (start.stateMachineAliasArn() != null) {
      details.put("stateMachineAliasArn", start.stateMachineAliasArn());
    }
    if (isVersionArn(start.stateMachineArn())) {
      details.put("stateMachineVersionArn", start.stateMachineArn());
    }
    long startedId = run.emit("ExecutionStarted", 0, "executionStartedEventDetails", details);
    NestedStartAnswers.started(run.header()).ifPresent(answer -> run.addEffect(new Effect.SendTaskResult(answer)));
    if (tooLarge) {
      // The API rejects such a start; should one get here anyway, the execution fails at once.
      run.publishSummary();
      run.failExecution(ErrorNames.DATA_LIMIT_EXCEEDED, "The execution input has a size exceeding the maximum number "
          + "of bytes service limit (" + run.options().maxPayloadBytes() + " bytes).", startedId);
      return;
    }
    Frame root = run.newFrame(Frame.NO_PARENT, 0, run.definition().machine().startAt(), start.input(), inputText,
        run.header().lastEventId());
    run.definition().machine().timeoutSeconds().ifPresent(seconds ->
        run.startExecutionTimer(run.header().startMillis() + seconds * 1000L));
    run.publishSummary();
    run.schedule(new Step.Advance(root.id()));
  }

  /** {@code arn:<partition>:states:<region>:<account>:stateMachine:<name>:<version number>}. */
  private static boolean isVersionArn(String stateMachineArn) {
    String[] parts = stateMachineArn.split(":", -1);
    return parts.length == 8 && !parts[7].isEmpty() && parts[7].chars().allMatch(Character::isDigit);
  }

  public static void stop(Run run, StopExecution stop) {
    TaskStates.stopChildren(run);
    AbortEvents.emit(run);
    run.finish(ExecutionStatus.ABORTED, null, stop.error(), stop.cause(), "ExecutionAborted",
        "executionAbortedEventDetails", History.errorCause(stop.error(), stop.cause()), run.header().lastEventId());
  }

  public static void executionTimedOut(Run run) {
    TaskStates.stopChildren(run);
    run.finish(ExecutionStatus.TIMED_OUT, null, ErrorNames.TIMEOUT, null, "ExecutionTimedOut",
        "executionTimedOutEventDetails", History.errorCause(ErrorNames.TIMEOUT, null), run.header().lastEventId());
  }

  /** Re-queues every frame that was left runnable when the transition bound was reached. */
  public static void resume(Run run) {
    run.header().continued();
    List<Integer> ids = new ArrayList<>();
    for (Frame f : run.allFrames()) {
      if (f.phase().runnable()) {
        ids.add(f.id());
      }
    }
    ids.sort(null);
    ids.forEach(id -> run.schedule(new Step.Advance(id)));
  }
}
