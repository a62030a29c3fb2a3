package dev.stepstream.processor;

import dev.stepstream.engine.AppliedInput;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.WireRecord;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At-least-once only (the {@link Profile#FAST} profile): a crash can leave the restored state ahead
 * of the committed offsets, so an input may be delivered again to a state that already includes it,
 * and the engine ignores it. The state therefore keeps the last applied input's identity and,
 * stored atomically with the state, either a {@link ReplayRecipe} (the time it was decided at and
 * the state before it: a second delivery of that input is decided again on that state, which writes
 * the very same outputs again, same keys, same event ids) or, when they take fewer bytes, the
 * encoded outputs themselves (a step of an execution with a large state and small outputs, such as
 * one iteration of a large Map), which are written again as they are. Under exactly-once nothing is
 * remembered: duplicates cannot reach the processor.
 */
final class DuplicateReplay {
  private static final Logger LOG = LoggerFactory.getLogger(DuplicateReplay.class);

  /** Decides the duplicate input again on {@code before} as of {@code decidedAtMillis}; empty if not applied. */
  @FunctionalInterface
  interface Rerun {
    Optional<Outputs> outputs(ExecutionState before, long decidedAtMillis);
  }

  private final boolean enabled;
  private final ProcessorMetrics metrics;

  DuplicateReplay(Profile profile, ProcessorMetrics metrics) {
    this.enabled = !profile.exactlyOnce();
    this.metrics = metrics;
  }

  /**
   * The state to store after {@code input} was applied to {@code before} (decoded from
   * {@code beforeBytes}; both null for none) at {@code decidedAtMillis} and made {@code outputs}:
   * {@code after}, remembering {@code input} and how to decide it again, or its outputs when
   * smaller, when replay is on. An input without an identity (a heartbeat) keeps the previously
   * remembered input.
   */
  ExecutionState remember(ExecutionState before, byte[] beforeBytes, ExecutionState after, WireRecord input,
      long decidedAtMillis, Outputs outputs) {
    if (!enabled) {
      return after;
    }
    Optional<String> id = InputIdentity.of(input);
    if (id.isEmpty()) {
      return after.withLastApplied(before == null ? null : before.lastApplied().orElse(null));
    }
    byte[] recipe = ReplayRecipe.of(decidedAtMillis, before, beforeBytes);
    byte[] kept = recipe.length <= outputs.recordedSize() ? recipe
        : outputs.toBytes(RecordLimits.MAX_RECORDED_HISTORY_BYTES);
    return after.withLastApplied(new AppliedInput(id.get(), kept));
  }

  /**
   * The outputs to write again when {@code input}, which the engine ignored, is the last input
   * applied to {@code state}; empty otherwise (and always when replay is off).
   */
  Optional<Outputs> replay(ExecutionState state, WireRecord input, Rerun rerun) {
    if (!enabled || state == null) {
      return Optional.empty();
    }
    Optional<AppliedInput> last = state.lastApplied();
    Optional<String> id = InputIdentity.of(input);
    if (last.isEmpty() || id.isEmpty() || !last.get().inputId().equals(id.get())) {
      return Optional.empty();
    }
    byte[] kept = last.get().outputs();
    if (!ReplayRecipe.isRecipe(kept)) {
      metrics.replayed();
      return Optional.of(Outputs.fromBytes(kept));
    }
    ReplayRecipe.Decided decided = ReplayRecipe.read(kept);
    Optional<Outputs> again = rerun.outputs(decided.before(), decided.decidedAtMillis());
    if (again.isEmpty()) {
      LOG.warn("Could not write the outputs of a duplicate {} for {} again: deciding it again on the state before it"
          + " did not apply it", input.getClass().getSimpleName(), state.executionArn());
    } else {
      metrics.replayed();
    }
    return again;
  }
}
