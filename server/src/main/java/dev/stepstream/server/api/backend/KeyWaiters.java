package dev.stepstream.server.api.backend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Callers waiting for a key to reach a value that satisfies their condition, completed by whoever
 * offers new values (the view's thread) without a thread held per waiter. A waiter completes with
 * the first matching value, or empty when its timeout passes; either way it is forgotten.
 * Completions run on {@code completions}, so the offering thread never runs the callers' follow-up work.
 */
public final class KeyWaiters<V> {
  private final Map<String, List<Waiter<V>>> waiting = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timeouts;
  private final Executor completions;

  private static final class Waiter<V> {
    final String key;
    final Predicate<V> condition;
    final CompletableFuture<Optional<V>> future = new CompletableFuture<>();
    volatile ScheduledFuture<?> expiry;

    Waiter(String key, Predicate<V> condition) {
      this.key = key;
      this.condition = condition;
    }
  }

  public KeyWaiters(ScheduledExecutorService timeouts, Executor completions) {
    this.timeouts = timeouts;
    this.completions = completions;
  }

  /**
   * Waits for a value of {@code key} that satisfies {@code condition}. Completing the returned
   * future from outside (for example with a value found elsewhere) also forgets the waiter.
   */
  public CompletableFuture<Optional<V>> await(String key, Predicate<V> condition, Duration timeout) {
    Waiter<V> waiter = new Waiter<>(key, condition);
    waiting.compute(key, (k, list) -> {
      List<Waiter<V>> waiters = list == null ? new ArrayList<>(1) : list;
      waiters.add(waiter);
      return waiters;
    });
    waiter.expiry = timeouts.schedule(() -> completeLater(waiter, Optional.empty()),
        timeout.toNanos(), TimeUnit.NANOSECONDS);
    // Registered after the expiry exists, so any completion (even an earlier one) cancels it.
    waiter.future.whenComplete((value, error) -> forget(waiter));
    return waiter.future;
  }

  /** A new value of {@code key} (null for a deletion, which satisfies nobody). */
  public void offer(String key, V value) {
    if (value == null) {
      return;
    }
    List<Waiter<V>> satisfied = new ArrayList<>();
    waiting.computeIfPresent(key, (k, waiters) -> {
      waiters.removeIf(w -> w.condition.test(value) && satisfied.add(w));
      return waiters.isEmpty() ? null : waiters;
    });
    satisfied.forEach(w -> completeLater(w, Optional.of(value)));
  }

  /** How many waiters are registered, over all keys. */
  public int size() {
    return waiting.values().stream().mapToInt(List::size).sum();
  }

  /** Fails every waiter (the owner is closing). */
  public void failAll(RuntimeException reason) {
    for (String key : List.copyOf(waiting.keySet())) {
      List<Waiter<V>> waiters = waiting.remove(key);
      if (waiters != null) {
        waiters.forEach(w -> w.future.completeExceptionally(reason));
      }
    }
  }

  /** Unregisters the waiter and cancels its timeout; done before completing, so callers see it gone. */
  private void forget(Waiter<V> waiter) {
    ScheduledFuture<?> expiry = waiter.expiry;
    if (expiry != null) {
      expiry.cancel(false);
    }
    waiting.computeIfPresent(waiter.key, (k, waiters) -> {
      waiters.remove(waiter);
      return waiters.isEmpty() ? null : waiters;
    });
  }

  private void completeLater(Waiter<V> waiter, Optional<V> value) {
    completions.execute(() -> {
      forget(waiter);
      waiter.future.complete(value);
    });
  }
}
