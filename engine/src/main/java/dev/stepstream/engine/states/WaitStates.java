package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.model.JsonPathFlow;
import dev.stepstream.asl.model.WaitFor;
import dev.stepstream.asl.model.WaitState;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Run;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The Wait state: a StartTimer effect, then TimerFired leaves the state. */
final class WaitStates {
  private WaitStates() {}

  static void enter(Run run, Frame f, WaitState s) {
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    EvalContext we = ec.withInput(Flow.afterInputPath(s, ec));
    long dueAt;
    if (s.waitFor() instanceof WaitFor.Seconds seconds) {
      dueAt = run.now() + Dynamic.seconds(seconds.seconds(), we, "Seconds") * 1000L;
    } else {
      dueAt = parseTimestamp(Dynamic.text(((WaitFor.Timestamp) s.waitFor()).timestamp(), we, "Timestamp"));
    }
    if (dueAt <= run.now()) {
      leave(run, f, s);
      return;
    }
    run.awaitWait(f, dueAt);
  }

  /** The Wait timer fired (the frame no longer waits): the state is left. */
  static void timerFired(Run run, Frame f, WaitState s) {
    leave(run, f, s);
  }

  private static void leave(Run run, Frame f, WaitState s) {
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    JsonNode result = s.flow() instanceof JsonPathFlow ? Flow.afterInputPath(s, ec) : MissingNode.getInstance();
    Flow.Outcome out = Flow.output(s, ec, result);
    Flow.exit(run, f, s, out.output(), out.assigned(), s.next());
  }

  /** An ISO-8601 timestamp with an offset (AWS requires an uppercase T and a Z or offset). */
  static long parseTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // Error name as AWS uses for an unusable TimestampPath value; the cause wording is ours.
      throw new AslException(ErrorNames.RUNTIME, "The value of the field 'Timestamp' is not a valid ISO-8601 timestamp: '"
          + text + "'");
    }
  }
}
