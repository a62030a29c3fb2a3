package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.jsonata.JsonataQuery;
import dev.stepstream.asl.model.DynamicValue;
import dev.stepstream.asl.model.JsonPathFlow;
import dev.stepstream.asl.model.WaitFor;
import dev.stepstream.asl.model.WaitState;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Run;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The Wait state: a StartTimer effect, then TimerFired leaves the state. */
final class WaitStates {
  /** The largest Seconds a Wait state takes (AWS's definition limit). */
  static final long MAX_SECONDS = 99_999_999L;

  private WaitStates() {}

  static void enter(Run run, Frame f, WaitState s) {
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    EvalContext we = ec.withInput(Flow.afterInputPath(s, ec));
    long dueAt;
    if (s.waitFor() instanceof WaitFor.Seconds seconds) {
      dueAt = run.now() + waitSeconds(seconds.seconds(), we) * 1000L;
    } else {
      dueAt = timestamp(((WaitFor.Timestamp) s.waitFor()).timestamp(), we);
      if ((dueAt - run.now()) / 1000L > Integer.MAX_VALUE) {
        throw FieldCauses.delayTooLong();
      }
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

  /** Seconds, SecondsPath or a JSONata Seconds: a whole number from 0 to 99999999. */
  static long waitSeconds(DynamicValue v, EvalContext we) {
    if (v instanceof DynamicValue.FromPath p) {
      JsonNode n = p.path().evaluate(we);
      if (n.isMissingNode()) {
        throw FieldCauses.secondsPathNotFound(p.path());
      }
      Long seconds = Dynamic.wholeNumber(n);
      if (seconds == null) {
        throw FieldCauses.secondsPathNotLong(p.path(), n);
      }
      if (seconds < 0) {
        throw FieldCauses.secondsPathNegative(p.path(), n);
      }
      return seconds;
    }
    JsonNode n = Dynamic.value(v, we, "Seconds");
    Long seconds = n.isIntegralNumber() && n.canConvertToLong() ? n.longValue() : null;
    if (seconds == null || seconds < 0 || seconds > MAX_SECONDS) {
      String query = v instanceof DynamicValue.Computed c && c.expression() instanceof JsonataQuery q ? q.query() : "";
      // AWS's wording for a JSONata Seconds out of range was not recorded; this follows its Items cause.
      throw FieldCauses.unexpectedType(query, "Seconds", "integer between 0 and " + MAX_SECONDS, n);
    }
    return seconds;
  }

  /** Timestamp, TimestampPath or a JSONata Timestamp, as epoch milliseconds. */
  static long timestamp(DynamicValue v, EvalContext we) {
    if (v instanceof DynamicValue.FromPath p) {
      JsonNode n = p.path().evaluate(we);
      if (n.isMissingNode()) {
        throw FieldCauses.timestampPathNotFound(p.path());
      }
      Long millis = n.isTextual() ? parseTimestamp(n.textValue()) : null;
      if (millis == null) {
        throw FieldCauses.timestampPathInvalid(p.path(), n);
      }
      return millis;
    }
    JsonNode n = Dynamic.value(v, we, "Timestamp");
    Long millis = n.isTextual() ? parseTimestamp(n.textValue()) : null;
    if (millis == null) {
      throw FieldCauses.timestampInvalid(n);
    }
    return millis;
  }

  /**
   * An ISO-8601 extended offset date-time (an offset or Z is required; fractions of a second are
   * allowed), as epoch milliseconds; null when the text is not one.
   */
  static Long parseTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
