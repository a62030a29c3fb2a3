package dev.stepstream.server.api.backend;

import dev.stepstream.processor.ExecutionOwner;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Sends a query to the instance that owns a key now: this JVM, or a peer at its advertised address.
 * The owner is looked up again before every try, so a rebalance that moved the key is followed at
 * once. While nobody owns the key or the owner's stores are moving, it retries for a short window.
 *
 * <p>A peer that cannot be reached (connection refused or timed out, no answer in time) is most
 * likely gone: after a {@code kill -9} the group still names it as the owner until its session times
 * out. Waiting would not help, so it is remembered as down for {@code downFor} and queries for its
 * keys give up at once (the caller falls back or answers a retryable error) instead of each holding
 * an API thread for the whole retry window. Once the metadata names another owner, that one is asked.
 */
final class OwnerRouter {
  private static final Duration PAUSE = Duration.ofMillis(50);

  private final Function<String, ExecutionOwner> owners;
  private final Duration retryWindow;
  private final Duration downFor;
  private final Map<String, Long> downUntilNanos = new ConcurrentHashMap<>();

  OwnerRouter(Function<String, ExecutionOwner> owners, Duration retryWindow, Duration downFor) {
    this.owners = owners;
    this.retryWindow = retryWindow;
    this.downFor = downFor;
  }

  /** The owner's answer, or empty when no owner answered within the retry window or the owner is down. */
  <T> Optional<T> route(String key, Supplier<T> local, BiFunction<String, Integer, T> remote) {
    long deadline = System.nanoTime() + retryWindow.toNanos();
    while (true) {
      ExecutionOwner owner = owners.apply(key);
      try {
        if (owner instanceof ExecutionOwner.Here) {
          return Optional.of(local.get());
        }
        if (owner instanceof ExecutionOwner.There there) {
          if (isDown(there)) {
            return Optional.empty();
          }
          return Optional.of(remote.apply(there.host(), there.port()));
        }
      } catch (PeerClient.PeerUnreachableException e) {
        markDown((ExecutionOwner.There) owner);
        continue; // ask the metadata again: a moved key goes to its new owner, a down owner ends the wait
      } catch (InvalidStateStoreException | PeerClient.PeerUnavailableException e) {
        // A rebalance moved the partition or the owner's stores are restoring: ask again shortly.
      }
      if (System.nanoTime() > deadline || !pause()) {
        return Optional.empty();
      }
    }
  }

  private boolean isDown(ExecutionOwner.There peer) {
    Long until = downUntilNanos.get(address(peer));
    if (until == null) {
      return false;
    }
    if (System.nanoTime() - until < 0) {
      return true;
    }
    downUntilNanos.remove(address(peer), until);
    return false;
  }

  private void markDown(ExecutionOwner.There peer) {
    downUntilNanos.put(address(peer), System.nanoTime() + downFor.toNanos());
  }

  private static String address(ExecutionOwner.There peer) {
    return peer.host() + ":" + peer.port();
  }

  private static boolean pause() {
    try {
      Thread.sleep(PAUSE.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
