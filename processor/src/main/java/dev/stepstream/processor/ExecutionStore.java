package dev.stepstream.processor;

import java.util.Iterator;
import java.util.LinkedHashMap;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@code executions} store as one task's processor reads and writes it. The stored bytes of the
 * running executions it wrote last are also kept in memory, so the next step of a running execution
 * reads them without a RocksDB lookup (a search of a memtable that holds every version written since
 * its last flush: 8.5 % of the processor's CPU samples in W2 under {@code fast}).
 *
 * <p>Every write of this task's processor goes through here, so the copy is never older than the
 * store. Closed executions are not kept: their next input is rare (a redrive, a duplicate, their
 * cleanup). The copy is bounded in bytes, least recently used first out, and {@link #clear()}ed when
 * the processor is initialised or closed, since a task that is revived after a failed transaction
 * restores its store from the changelog. The bytes are never modified, by this class or its callers.
 */
final class ExecutionStore {
  /** Per task: about 4,900 running executions of W2's size (850 bytes). */
  static final long MAX_CACHED_BYTES = 4L * 1024 * 1024;
  private static final int MAX_CACHED_STATE_BYTES = 64 * 1024;

  private final KeyValueStore<String, byte[]> store;
  private final long maxCachedBytes;
  private final LinkedHashMap<String, byte[]> recent = new LinkedHashMap<>(256, 0.75f, true);
  private long cachedBytes;

  ExecutionStore(KeyValueStore<String, byte[]> store) {
    this(store, MAX_CACHED_BYTES);
  }

  ExecutionStore(KeyValueStore<String, byte[]> store, long maxCachedBytes) {
    this.store = store;
    this.maxCachedBytes = maxCachedBytes;
  }

  /** The stored bytes of {@code executionArn}'s state, or null. */
  byte[] get(String executionArn) {
    byte[] cached = recent.get(executionArn);
    return cached != null ? cached : store.get(executionArn);
  }

  /** Stores {@code encoded}; keeps it in memory too while the execution is {@code running}. */
  void put(String executionArn, byte[] encoded, boolean running) {
    store.put(executionArn, encoded);
    boolean kept = running && encoded.length <= MAX_CACHED_STATE_BYTES;
    byte[] old = kept ? recent.put(executionArn, encoded) : recent.remove(executionArn);
    cachedBytes += (kept ? encoded.length : 0) - (old == null ? 0 : old.length);
    if (kept) {
      evictOverBudget();
    }
  }

  void delete(String executionArn) {
    store.delete(executionArn);
    byte[] old = recent.remove(executionArn);
    if (old != null) {
      cachedBytes -= old.length;
    }
  }

  /** Forgets every copy; the store is read again. */
  void clear() {
    recent.clear();
    cachedBytes = 0;
  }

  int cachedCount() {
    return recent.size();
  }

  private void evictOverBudget() {
    Iterator<byte[]> eldestFirst = recent.values().iterator();
    while (cachedBytes > maxCachedBytes && eldestFirst.hasNext()) {
      cachedBytes -= eldestFirst.next().length;
      eldestFirst.remove();
    }
  }
}
