package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.History;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;

/**
 * Works off an {@code apply} call's step queue. Every step only enqueues further steps, so deep
 * Parallel/Map nesting never deepens the Java stack; at most {@code maxTransitionsPerCall} states are
 * run per call, the rest waits for a Continue command.
 */
public final class Driver {
  private Driver() {}

  public static void drain(Run run) {
    while (run.running() && run.hasSteps()) {
      Step step = run.takeStep();
      if (step instanceof Step.Advance a) {
        Frame f = run.frame(a.frameId());
        if (f == null || !f.phase().runnable() || !run.countTransition()) {
          continue;
        }
      }
      guarded(run, step);
      if (run.historyFull() && run.running()) {
        // AWS fails an execution whose history would exceed the quota; the error name is not documented.
        run.failExecution(ErrorNames.RUNTIME, "The execution reached the maximum number of history events ("
            + run.options().maxHistoryEvents() + ").", run.header().lastEventId());
      }
    }
    if (run.deferred() && run.running()) {
      run.continueLater();
    }
  }

  /** Runs one step; a data-flow failure becomes a Failed step of the frame whose state raised it. */
  public static void guarded(Run run, Step step) {
    int target = target(step);
    run.quiet(DistributedMaps.inside(run, run.frame(target)));
    try {
      process(run, step);
    } catch (AslException e) {
      Frame f = run.frame(target);
      if (f != null) {
        String cause = Causes.prefixed(f, e);
        if (ErrorNames.QUERY_EVALUATION_ERROR.equals(e.error())) {
          Causes.evaluationFailed(run, run.edit(target), e, cause);
        }
        run.schedule(new Step.Failed(target, e.error(), cause));
      }
    } finally {
      run.quiet(false);
    }
  }

  private static int target(Step step) {
    if (step instanceof Step.Advance a) {
      return a.frameId();
    } else if (step instanceof Step.FrameDone d) {
      return d.frameId();
    } else if (step instanceof Step.Failed x) {
      return x.frameId();
    } else if (step instanceof Step.ChildDone c) {
      return c.parentId();
    } else if (step instanceof Step.Call c) {
      return c.frameId();
    }
    return ((Step.ChildFailed) step).parentId();
  }

  private static void process(Run run, Step step) {
    if (step instanceof Step.Advance a) {
      StateRunner.advance(run, run.edit(a.frameId()));
    } else if (step instanceof Step.FrameDone d) {
      frameDone(run, d);
    } else if (step instanceof Step.Failed x) {
      ErrorFunnel.handle(run, x);
    } else if (step instanceof Step.ChildDone c) {
      StateRunner.childDone(run, c);
    } else if (step instanceof Step.ChildFailed c) {
      StateRunner.childFailed(run, c);
    } else if (step instanceof Step.Call c) {
      c.action().run();
    }
  }

  private static void frameDone(Run run, Step.FrameDone done) {
    Frame f = run.frame(done.frameId());
    if (f == null) {
      return;
    }
    if (f.isRoot()) {
      ObjectNode details = History.payload("output", done.output());
      run.finish(ExecutionStatus.SUCCEEDED, done.output(), null, null, "ExecutionSucceeded",
          "executionSucceededEventDetails", details, f.lastEventId());
      return;
    }
    run.removeFrame(f.id());
    run.schedule(new Step.ChildDone(f.parentId(), f.index(), done.output(), f.lastEventId()));
  }
}
