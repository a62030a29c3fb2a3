package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.dataflow.JsonPathDataFlow;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.model.Catcher;
import dev.stepstream.asl.model.JitterStrategy;
import dev.stepstream.asl.model.JsonataFlow;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.ParallelState;
import dev.stepstream.asl.model.Retrier;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.TaskState;
import dev.stepstream.asl.model.Transition;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import java.util.List;

/**
 * The one place where a failed state meets its Retry and Catch: the first retrier whose ErrorEquals
 * matches decides (retry, or fall through to Catch when its attempts are used up), then the first
 * matching catcher; otherwise the frame fails (the execution, or the enclosing Parallel/Map).
 */
public final class ErrorFunnel {
  private ErrorFunnel() {}

  public static void handle(Run run, Step.Failed failure) {
    Frame f = run.edit(failure.frameId());
    if (f == null) {
      return;
    }
    State s = run.state(f);
    String error = failure.error();
    boolean byAll = error != null && (ErrorNames.matchedByAll(error) || failure.taskResult());
    if (error != null && !ErrorNames.RUNTIME.equals(error)) {
      List<Retrier> retriers = retriers(s);
      for (int i = 0; i < retriers.size(); i++) {
        Retrier r = retriers.get(i);
        if (matches(r.errorEquals(), error, byAll)) {
          if (f.attemptsUsed(i, retriers.size()) < r.maxAttempts()) {
            retry(run, f, r, i, retriers.size());
            return;
          }
          break;
        }
      }
      for (Catcher c : catchers(s)) {
        if (matches(c.errorEquals(), error, byAll)) {
          catchError(run, f, s, c, error, failure.cause());
          return;
        }
      }
    }
    frameFailed(run, f, error, failure.cause());
  }

  /** ErrorEquals matching: exact names, States.ALL and States.TaskFailed as documented wildcards. */
  static boolean matches(List<String> errorEquals, String error) {
    return matches(errorEquals, error, ErrorNames.matchedByAll(error));
  }

  /**
   * @param byAll whether the wildcards may match this error. AWS's "Error names" page says States.ALL
   *     never matches States.DataLimitExceeded, but AWS catches one raised for a task's result with
   *     States.ALL (LocalStack's AWS-validated test_states_errors, *_catch_state_all_data_limit_exceeded*);
   *     the terminal rule is kept for state input/output over the limit.
   */
  static boolean matches(List<String> errorEquals, String error, boolean byAll) {
    for (String name : errorEquals) {
      if (name.equals(error)) {
        return true;
      }
      if (ErrorNames.ALL.equals(name) && byAll) {
        return true;
      }
      // States.TaskFailed matches any known error except States.Timeout (AWS "Error names").
      if (ErrorNames.TASK_FAILED.equals(name) && byAll && !ErrorNames.TIMEOUT.equals(error)) {
        return true;
      }
    }
    return false;
  }

  /** Delay before retry number {@code attempt} (1-based): IntervalSeconds x BackoffRate^(attempt-1), capped, jittered. */
  static long delayMillis(Retrier r, int attempt, Run run) {
    double seconds = r.intervalSeconds() * Math.pow(r.backoffRate(), attempt - 1);
    if (r.maxDelaySeconds().isPresent()) {
      seconds = Math.min(seconds, r.maxDelaySeconds().getAsInt());
    }
    long millis = Math.round(seconds * 1000.0);
    if (r.jitterStrategy() == JitterStrategy.FULL) {
      millis = Math.round(run.ctx().random().nextDouble() * millis);
    }
    return millis;
  }

  private static void retry(Run run, Frame f, Retrier r, int index, int retrierCount) {
    if (f.children() != null) {
      Children.discard(run, f);
    }
    int attempt = f.countRetry(index, retrierCount);
    run.retry(f, delayMillis(r, attempt, run));
  }

  private static void catchError(Run run, Frame f, State s, Catcher c, String error, String cause) {
    ObjectNode errorOutput = Json.NODES.objectNode();
    errorOutput.put("Error", error);
    if (cause != null) {
      errorOutput.put("Cause", cause);
    } else if (ErrorNames.TIMEOUT.equals(error) || ErrorNames.HEARTBEAT_TIMEOUT.equals(error)) {
      // AWS records no cause for a timeout, but its error output carries "Cause": "" (LocalStack's
      // AWS-validated test_task_service_lambda, test_invoke_timeout).
      errorOutput.put("Cause", "");
    }
    try {
      EvalContext ec = Flow.eval(run, f, f.input(), null);
      JsonNode output;
      JsonNode assigned;
      if (s.flow() instanceof JsonataFlow) {
        EvalContext eo = ec.withErrorOutput(errorOutput);
        output = c.output().isPresent() ? c.output().get().evaluate(eo) : errorOutput;
        assigned = Flow.evaluateOptional(c.assign(), eo);
      } else {
        output = JsonPathDataFlow.resultPath(c.resultPath(), f.input(), errorOutput);
        assigned = Flow.evaluateOptional(c.assign(), ec.withInput(errorOutput));
      }
      Flow.exit(run, f, s, output, assigned, Transition.next(c.next()));
    } catch (AslException e) {
      // The catcher itself failed (e.g. its ResultPath): the state fails with that error, uncaught.
      frameFailed(run, f, e.error(), Causes.prefixed(f, e));
    }
  }

  /** The frame ends unsuccessfully: the execution fails, or the enclosing Parallel/Map is told. */
  public static void frameFailed(Run run, Frame f, String error, String cause) {
    if (f.isRoot()) {
      run.failExecution(error, cause, f.lastEventId());
      return;
    }
    run.halt(f);
    run.schedule(new Step.ChildFailed(f.parentId(), f.index(), error, cause, f.lastEventId()));
  }

  private static List<Retrier> retriers(State s) {
    if (s instanceof TaskState t) {
      return t.retry();
    } else if (s instanceof ParallelState p) {
      return p.retry();
    } else if (s instanceof MapState m) {
      return m.retry();
    }
    return List.of();
  }

  private static List<Catcher> catchers(State s) {
    if (s instanceof TaskState t) {
      return t.catchers();
    } else if (s instanceof ParallelState p) {
      return p.catchers();
    } else if (s instanceof MapState m) {
      return m.catchers();
    }
    return List.of();
  }
}
