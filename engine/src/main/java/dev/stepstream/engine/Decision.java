package dev.stepstream.engine;

import dev.stepstream.wire.HistoryEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of applying one command or task result to an execution.
 *
 * @param state the new execution state; empty when there is no execution (e.g. a start was rejected
 *     before anything existed) — the host then keeps nothing
 * @param events history events to append, in order, with dense ids
 * @param effects what the host must do, in order
 * @param ignored why the input changed nothing (unknown or stale task token, timer already
 *     cancelled, execution not running ...), for metrics and logs; empty when it was applied
 */
public record Decision(
    Optional<ExecutionState> state, List<HistoryEvent> events, List<Effect> effects, Optional<String> ignored) {

  public Decision {
    Objects.requireNonNull(state, "state");
    events = List.copyOf(events);
    effects = List.copyOf(effects);
    Objects.requireNonNull(ignored, "ignored");
  }

  /** A decision that changes nothing, with the reason. */
  public static Decision ignored(ExecutionState unchanged, String reason) {
    return new Decision(Optional.ofNullable(unchanged), List.of(), List.of(), Optional.of(reason));
  }

  public boolean applied() {
    return ignored.isEmpty();
  }
}
