package dev.stepstream.server.triggers;

import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.TriggerRecord;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A trigger's concurrency limit: how many more executions it may start now. The running count is
 * the trigger's executions (of the target state machine, named by the trigger's name template) that
 * the executions store shows not finished, plus the starts this runner committed that the store does
 * not show yet. The store is every instance's view of the compacted executions topic, so the count
 * covers the starts of every instance once they are applied; a start the store never shows (its
 * target deleted meanwhile) stops counting after {@link #PENDING_EXPIRY}.
 */
final class ConcurrencyGate {
  static final Duration PENDING_EXPIRY = Duration.ofMinutes(2);

  private final Integer limit;
  private final String machine;
  private final Predicate<String> ours;
  private final Function<String, List<ExecutionSummary>> executionsOf;
  private final Map<String, Long> pending = new HashMap<>();
  private int running;

  /**
   * @param executionsOf the stored executions of a state machine and its versions
   */
  ConcurrencyGate(TriggerRecord trigger, Function<String, List<ExecutionSummary>> executionsOf) {
    this.limit = trigger.maxConcurrency();
    this.machine = Arns.unqualified(trigger.target());
    this.ours = NameTemplate.parse(trigger.nameTemplate()).producedBy(trigger.name(), trigger.sourceTopic());
    this.executionsOf = executionsOf;
  }

  boolean limited() {
    return limit != null;
  }

  /** How many more executions may start now ({@link Integer#MAX_VALUE} without a limit). */
  int free(long nowMillis) {
    if (limit == null) {
      return Integer.MAX_VALUE;
    }
    Set<String> active = new HashSet<>();
    Set<String> stored = new HashSet<>();
    for (ExecutionSummary s : executionsOf.apply(machine)) {
      if (ours.test(s.name())) {
        stored.add(s.executionArn());
        if (!s.status().finished()) {
          active.add(s.executionArn());
        }
      }
    }
    pending.keySet().removeIf(stored::contains);
    pending.values().removeIf(writtenAt -> nowMillis - writtenAt > PENDING_EXPIRY.toMillis());
    active.addAll(pending.keySet());
    running = active.size();
    return Math.max(0, limit - running);
  }

  /** The running count of the last {@link #free} (0 without a limit). */
  int running() {
    return running;
  }

  /** Starts whose transaction committed: they count until the store shows them. */
  void committed(Collection<String> executionArns, long nowMillis) {
    if (limit != null) {
      executionArns.forEach(arn -> pending.put(arn, nowMillis));
    }
  }
}
