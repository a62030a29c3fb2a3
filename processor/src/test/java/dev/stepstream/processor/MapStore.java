package dev.stepstream.processor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An in-memory {@link KeyValueStore} over a sorted map, for testing the processor's collaborators
 * without Kafka. Ranges include both ends, as in Kafka Streams; iterators read a snapshot.
 */
final class MapStore<K extends Comparable<K>, V> implements KeyValueStore<K, V> {
  final NavigableMap<K, V> map = new TreeMap<>();
  /** Calls that look at the whole store: {@code all()} and {@code approximateNumEntries()}. */
  int wholeStoreReads;
  /** Calls of {@code delete}. */
  int deletes;
  /** Calls of {@code get}. */
  int gets;
  /** Runs before each {@code put}, to observe what other stores hold at that moment. */
  Runnable beforePut = () -> {};
  private final String name;

  MapStore(String name) {
    this.name = name;
  }

  @Override
  public void put(K key, V value) {
    beforePut.run();
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  @Override
  public V putIfAbsent(K key, V value) {
    V previous = map.get(key);
    if (previous == null) {
      put(key, value);
    }
    return previous;
  }

  @Override
  public void putAll(List<KeyValue<K, V>> entries) {
    entries.forEach(e -> put(e.key, e.value));
  }

  @Override
  public V delete(K key) {
    deletes++;
    return map.remove(key);
  }

  @Override
  public V get(K key) {
    gets++;
    return map.get(key);
  }

  @Override
  public KeyValueIterator<K, V> range(K from, K to) {
    return iterator(map.subMap(from, true, to, true));
  }

  @Override
  public KeyValueIterator<K, V> reverseRange(K from, K to) {
    return iterator(map.subMap(from, true, to, true).descendingMap());
  }

  @Override
  public KeyValueIterator<K, V> all() {
    wholeStoreReads++;
    return iterator(map);
  }

  @Override
  public long approximateNumEntries() {
    wholeStoreReads++;
    return map.size();
  }

  private static <K, V> KeyValueIterator<K, V> iterator(Map<K, V> entries) {
    List<KeyValue<K, V>> snapshot = new ArrayList<>();
    entries.forEach((k, v) -> snapshot.add(KeyValue.pair(k, v)));
    Iterator<KeyValue<K, V>> it = snapshot.iterator();
    return new KeyValueIterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public KeyValue<K, V> next() {
        next++;
        return it.next();
      }

      @Override
      public K peekNextKey() {
        if (next >= snapshot.size()) {
          throw new NoSuchElementException();
        }
        return snapshot.get(next).key;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {}

  @Override
  public void close() {}

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return true;
  }
}
