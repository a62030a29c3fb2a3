package dev.stepstream.processor;

import dev.stepstream.engine.AppliedInput;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.WireRecord;
import java.util.Optional;

/**
 * At-least-once only (the {@link Profile#FAST} profile): a crash can leave the restored state ahead
 * of the committed offsets, so an input may be delivered again to a state that already includes it,
 * and the engine ignores it. The state therefore keeps the last applied input's identity and
 * encoded outputs (stored atomically with the state), and a second delivery of that input writes
 * those very outputs again (same keys, same event ids). Under exactly-once nothing is remembered:
 * duplicates cannot reach the processor, and the state stays smaller.
 */
final class DuplicateReplay {
  private final boolean enabled;
  private final ProcessorMetrics metrics;

  DuplicateReplay(Profile profile, ProcessorMetrics metrics) {
    this.enabled = !profile.exactlyOnce();
    this.metrics = metrics;
  }

  /**
   * The state to store after {@code input} was applied: {@code after}, remembering {@code input}
   * and its {@code outputs} when replay is on. An input without an identity (a heartbeat) keeps
   * the previously remembered input.
   */
  ExecutionState remember(ExecutionState before, ExecutionState after, WireRecord input, Outputs outputs) {
    if (!enabled) {
      return after;
    }
    Optional<String> id = InputIdentity.of(input);
    if (id.isEmpty()) {
      return after.withLastApplied(before == null ? null : before.lastApplied().orElse(null));
    }
    return after.withLastApplied(new AppliedInput(id.get(), outputs.toBytes(RecordLimits.MAX_RECORDED_HISTORY_BYTES)));
  }

  /**
   * The outputs to write again when {@code input}, which the engine ignored, is the last input
   * applied to {@code state}; empty otherwise (and always when replay is off).
   */
  Optional<Outputs> replay(ExecutionState state, WireRecord input) {
    if (!enabled || state == null) {
      return Optional.empty();
    }
    Optional<AppliedInput> last = state.lastApplied();
    Optional<String> id = InputIdentity.of(input);
    if (last.isEmpty() || id.isEmpty() || !last.get().inputId().equals(id.get())) {
      return Optional.empty();
    }
    metrics.replayed();
    return Optional.of(Outputs.fromBytes(last.get().outputs()));
  }
}
