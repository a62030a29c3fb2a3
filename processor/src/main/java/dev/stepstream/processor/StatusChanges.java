package dev.stepstream.processor;

import dev.stepstream.engine.Effect;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionStatusChange;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.WireJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one {@link ExecutionStatusChange} event per status an execution enters to the events
 * topic, next to the decision's other outputs (so in the same transaction under exactly-once).
 * A decision publishes at most one summary, its last; a start or redrive that finishes in the same
 * decision therefore also gets the RUNNING event it passed through, before the final one.
 */
final class StatusChanges {
  /** A status the execution entered, and when. */
  record Entered(ExecutionSummary summary, long timeMillis) {}

  private final RecordSink sink;

  StatusChanges(RecordSink sink) {
    this.sink = sink;
  }

  /** The events of a decision applied to {@code before} (null for a start) with {@code effects}. */
  void write(ExecutionState before, List<Effect> effects, long nowMillis) {
    ExecutionSummary after = null;
    for (Effect effect : effects) {
      if (effect instanceof Effect.PublishSummary published) {
        after = published.summary();
      }
    }
    if (after != null) {
      send(entered(before, after, nowMillis));
    }
  }

  /**
   * At-least-once only: the event of the status in a duplicate's recorded outputs, sent again (with
   * the same id) as the rest of those outputs are.
   */
  void replay(Outputs outputs, long nowMillis) {
    for (Outputs.Output output : outputs.all()) {
      if (output instanceof Outputs.Summary recorded) {
        ExecutionSummary summary = WireJson.decode(recorded.summary(), ExecutionSummary.class);
        send(List.of(new Entered(summary, summary.stopDate() == null ? nowMillis : summary.stopDate())));
      }
    }
  }

  /** The statuses entered between {@code before} and the published {@code after}, in order. */
  static List<Entered> entered(ExecutionState before, ExecutionSummary after, long nowMillis) {
    List<Entered> entered = new ArrayList<>(2);
    long stopMillis = after.stopDate() == null ? nowMillis : after.stopDate();
    boolean started = before == null;
    boolean redriven = before != null && after.redriveCount() > before.redriveCount();
    if (started || redriven) {
      ExecutionSummary running = after.status() == ExecutionStatus.RUNNING ? after : ExecutionStatusChange.running(after);
      entered.add(new Entered(running, started ? after.startDate() : nowMillis));
      if (after.status() != ExecutionStatus.RUNNING) {
        entered.add(new Entered(after, stopMillis));
      }
    } else if (before.status() != after.status()) {
      entered.add(new Entered(after, stopMillis));
    }
    return entered;
  }

  private void send(List<Entered> entered) {
    for (Entered e : entered) {
      sink.send(RecordSink.Topic.EVENTS, e.summary().executionArn(),
          ExecutionStatusChange.encode(e.summary(), e.timeMillis()), e.timeMillis());
    }
  }
}
