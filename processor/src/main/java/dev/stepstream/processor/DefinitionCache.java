package dev.stepstream.processor;

import dev.stepstream.asl.Asl;
import dev.stepstream.asl.ValidationResult;
import dev.stepstream.engine.Definition;
import dev.stepstream.wire.LoggingConfiguration;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled definitions, keyed by state machine ARN and recompiled only when the stored record
 * changes. The stored bytes are compared with those last compiled, so a lookup costs at most a store
 * read and a byte comparison, not a JSON decode. With a count of the definition records the global
 * store has taken in ({@link DefinitionLoader}), a cached entry is answered without even that read
 * while the count has not moved, for at most {@link #RECHECK_NANOS}: every step of every execution
 * looks its definition up twice (the reads were 4 % of the stream thread under W2), and a store that
 * Kafka Streams rebuilds from the topic bypasses the loader. Definitions are validated by the API
 * before they are stored, so a definition that does not compile here is logged (once per stored
 * version) and treated as missing.
 *
 * <p>An execution is pinned to the revision it started with: when the state machine has been updated
 * since, its revision is read from the copy the API keeps under {@link StateMachineRecord#revisionKey}.
 */
final class DefinitionCache {
  private static final Logger LOG = LoggerFactory.getLogger(DefinitionCache.class);
  private static final int MAX_ENTRIES = 1_000;
  static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** @param loadsSeen the loader's count when {@code stored} was last read; @param readAtNanos when */
  private record Compiled(byte[] stored, Optional<Definition> definition, LoggingConfiguration logging,
      long loadsSeen, long readAtNanos) {
    Compiled readAgain(long loads, long nowNanos) {
      return new Compiled(stored, definition, logging, loads, nowNanos);
    }
  }

  private final Function<String, byte[]> store;
  private final LongSupplier loads;
  private final LongSupplier nanoClock;
  private final Map<String, Compiled> compiled = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  /** A cache that reads the store on every lookup (no count of the loader's records). */
  DefinitionCache(Function<String, byte[]> store) {
    this(store, new AtomicLong()::incrementAndGet, System::nanoTime);
  }

  /** @param loads the count of definition records the store has taken in, read before each store read */
  DefinitionCache(Function<String, byte[]> store, LongSupplier loads, LongSupplier nanoClock) {
    this.store = store;
    this.loads = loads;
    this.nanoClock = nanoClock;
  }

  /** The current definition of a state machine (or of a published version, by its ARN). */
  Optional<Definition> find(String stateMachineArn) {
    Compiled found = lookUp(stateMachineArn, StateMachineRecord.KIND_STATE_MACHINE);
    return found == null ? Optional.empty() : found.definition();
  }

  /**
   * The definition an execution pinned to {@code revisionId} runs on: the current one when it is that
   * revision (or the revision is unknown), else the stored revision copy, else (a revision stored before
   * copies were kept) the current one.
   */
  Optional<Definition> find(String stateMachineArn, String revisionId) {
    Optional<Definition> current = find(stateMachineArn);
    if (revisionId == null || current.filter(d -> d.revisionId().equals(revisionId)).isPresent()) {
      return current;
    }
    Compiled pinned = lookUp(StateMachineRecord.revisionKey(stateMachineArn, revisionId), StateMachineRecord.KIND_REVISION);
    return pinned != null && pinned.definition().isPresent() ? pinned.definition() : current;
  }

  /** The logging configuration stored with the state machine (or version); OFF when there is none. */
  LoggingConfiguration logging(String stateMachineArn) {
    Compiled found = lookUp(stateMachineArn, StateMachineRecord.KIND_STATE_MACHINE);
    return found == null ? LoggingConfiguration.OFF : found.logging();
  }

  private Compiled lookUp(String key, String kind) {
    Compiled cached = compiled.get(key);
    long loadsNow = loads.getAsLong();
    long now = nanoClock.getAsLong();
    if (cached != null && cached.loadsSeen() == loadsNow && now - cached.readAtNanos() < RECHECK_NANOS) {
      return cached;
    }
    byte[] bytes = store.apply(key);
    if (bytes == null) {
      return null;
    }
    if (cached != null && Arrays.equals(cached.stored(), bytes)) {
      Compiled checked = cached.readAgain(loadsNow, now);
      compiled.put(key, checked);
      return checked;
    }
    StateMachineRecord record = decode(key, bytes);
    Compiled fresh = new Compiled(bytes, record == null ? Optional.empty() : compile(record, kind),
        record == null ? LoggingConfiguration.OFF : record.logging(), loadsNow, now);
    compiled.put(key, fresh);
    return fresh;
  }

  private static StateMachineRecord decode(String stateMachineArn, byte[] bytes) {
    try {
      return WireJson.decode(bytes, StateMachineRecord.class);
    } catch (WireFormatException e) {
      LOG.warn("Ignoring undecodable definition for {}: {}", stateMachineArn, e.getMessage());
      return null;
    }
  }

  private static Optional<Definition> compile(StateMachineRecord record, String kind) {
    if (!kind.equals(record.kind())) {
      return Optional.empty();
    }
    ValidationResult result = Asl.compile(record.definition());
    if (result.stateMachine().isEmpty()) {
      LOG.warn("Definition of {} does not compile: {}", record.arn(), result.diagnostics());
      return Optional.empty();
    }
    return Optional.of(new Definition(record.arn(), record.name(), record.revisionId() == null ? "" : record.revisionId(),
        record.machineType() == null ? "STANDARD" : record.machineType(),
        record.roleArn() == null ? "" : record.roleArn(), result.stateMachine().get()));
  }
}
