package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.model.ParallelState;
import dev.stepstream.asl.model.StateGraph;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Branches;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;

/** The Parallel state: one child frame per branch; the output is the branch outputs in branch order. */
final class ParallelStates {
  private ParallelStates() {}

  static void enter(Run run, Frame f, ParallelState s) {
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    JsonNode effective = Flow.effectiveInput(s, ec);
    run.emitFor(f, "ParallelStateStarted", null, null);
    int n = s.branches().size();
    f.fanOut(new Branches(n));
    for (int i = 0; i < n; i++) {
      StateGraph branch = s.branches().get(i);
      Children.start(run, f, i, branch.startAt(), effective, f.lastEventId());
    }
    if (n == 0) {
      succeed(run, f, s, f.lastEventId());
    }
  }

  static void childDone(Run run, Frame p, ParallelState s, Step.ChildDone done) {
    p.childSucceeded(done.childIndex(), done.output());
    if (p.children().allDone()) {
      succeed(run, p, s, done.lastEventId());
    }
  }

  static void childFailed(Run run, Frame p, ParallelState s, Step.ChildFailed failed) {
    // The branches that did not fail are halted with it; their frames stay for a redrive.
    Children.haltAll(run, p, null);
    p.follow(run.emit("ParallelStateFailed", failed.lastEventId(), null, null));
    run.schedule(new Step.Failed(p.id(), failed.error(), failed.cause()));
  }

  private static void succeed(Run run, Frame p, ParallelState s, long previousEventId) {
    ArrayNode result = Children.results(p.children());
    p.dropChildren();
    p.follow(run.emit("ParallelStateSucceeded", previousEventId, null, null));
    EvalContext ec = Flow.eval(run, p, p.input(), null);
    Flow.Outcome out = Flow.output(s, ec, result);
    Flow.exit(run, p, s, out.output(), out.assigned(), s.next());
  }
}
