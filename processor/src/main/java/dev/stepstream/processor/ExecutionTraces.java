package dev.stepstream.processor;

import dev.stepstream.engine.Effect;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TraceContext;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Each execution's trace, so that every task request carries a {@code traceparent} header of that
 * trace and every summary its {@code traceHeader}. The trace comes from the start's
 * {@code traceHeader} (an X-Ray header or a W3C traceparent); a start without one gets a trace
 * generated from the execution ARN and its start time, so a replayed start, a processor after a
 * restart and the API all derive the same one from the execution's state.
 *
 * <p>Only a start that brought a header has an entry in the {@code traces} store, kept until
 * retention forgets the execution: the header it returns cannot be derived. (Writing an entry for
 * every start was 7-11 % of the stream threads' time on the start path.) Stored value, format 1:
 * {@code "1 " + traceparent + " " + traceHeader}.
 */
final class ExecutionTraces {
  static final String STORE = "traces";
  private static final String FORMAT = "1";

  /**
   * An execution's trace and the header DescribeExecution returns.
   *
   * @param parentSpanId the recorded span task requests name as parent (null: a span id derived from the request)
   */
  record Trace(TraceContext context, String header, String parentSpanId) {
    private static final int SEED_BYTES = 1024;
    private static final long SEED_MULTIPLIER = 0x9E3779B97F4A7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The traceparent of a task request. */
    String traceparentFor(byte[] request) {
      String span = parentSpanId != null ? parentSpanId
          : TraceContext.newSpanId(new SplittableRandom(seedOf(request)));
      return context.withSpanId(span).traceparent();
    }

    /**
     * A hash of the request's first {@value #SEED_BYTES} bytes, eight at a time, and of its length:
     * they hold the execution ARN and the task token, unique per request, and a whole request (its
     * input and context) can cost far more to hash.
     */
    static long seedOf(byte[] request) {
      int seeded = Math.min(request.length, SEED_BYTES);
      long hash = request.length;
      int i = 0;
      for (; i + Long.BYTES <= seeded; i += Long.BYTES) {
        hash = hash * SEED_MULTIPLIER + (long) LONGS.get(request, i);
      }
      for (; i < seeded; i++) {
        hash = hash * SEED_MULTIPLIER + request[i];
      }
      return hash;
    }

    Trace withParentSpan(String spanId) {
      return new Trace(context, header, spanId);
    }
  }

  /**
   * Parsed traces of recent executions, answered without a store read (the read was 11-15 % of the
   * processor's time per step). This is safe because only this object writes the store while it
   * lives: the API reads it read-only, and a task that is revived or restored (its store wiped and
   * rebuilt from the changelog) gets a new processor and so a new, empty copy.
   */
  private static final int PARSED_ENTRIES = 10_000;

  private final KeyValueStore<String, String> store;
  private final Map<String, Optional<Trace>> parsed = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Optional<Trace>> eldest) {
      return size() > PARSED_ENTRIES;
    }
  };

  ExecutionTraces(KeyValueStore<String, String> store) {
    this.store = store;
  }

  /**
   * Remembers the trace of the start that created an execution at {@code startMillis}. Called only
   * when the execution has no state, so no trace of it is stored: retention forgets both together.
   * The store is therefore not read (each read was a miss, 4 % of the stream thread under W4), and a
   * start that is applied again (its first outputs lost) gets the same trace from the same record.
   */
  void started(StartExecution start, long startMillis) {
    String arn = start.executionArn();
    if (parsed.containsKey(arn)) {
      return;
    }
    String header = start.traceHeader() == null ? "" : start.traceHeader();
    if (header.isEmpty()) {
      parsed.put(arn, Optional.of(generated(arn, startMillis)));
      return;
    }
    SplittableRandom seeded = seeded(arn, startMillis);
    TraceContext context = TraceContext.fromHeader(header, TraceContext.newSpanId(seeded))
        .orElseGet(() -> TraceContext.generate(seeded));
    store.put(arn, FORMAT + " " + context.traceparent() + " " + header);
    parsed.put(arn, Optional.of(new Trace(context, header, null)));
  }

  /**
   * The trace of an execution whose state is {@code state} (null: it has none, and so no trace).
   * Answered from the parsed copy, else from the store, else generated from the state.
   */
  Optional<Trace> find(String executionArn, ExecutionState state) {
    Optional<Trace> known = parsed.get(executionArn);
    if (known != null) {
      return known;
    }
    Optional<Trace> trace = state == null ? stored(executionArn, store)
        : Optional.of(traceOf(executionArn, state.startMillis(), store));
    if (trace.isPresent()) {
      parsed.put(executionArn, trace);
    }
    return trace;
  }

  /** The header an execution's summary carries (see {@link #traceOf}). */
  static String headerOf(String executionArn, long startMillis, ReadOnlyKeyValueStore<String, String> store) {
    return traceOf(executionArn, startMillis, store).header();
  }

  /** An execution's trace: from {@code store} when its start brought a header, else generated. */
  private static Trace traceOf(String executionArn, long startMillis, ReadOnlyKeyValueStore<String, String> store) {
    return stored(executionArn, store).orElseGet(() -> generated(executionArn, startMillis));
  }

  private static Optional<Trace> stored(String executionArn, ReadOnlyKeyValueStore<String, String> store) {
    String value = store.get(executionArn);
    return value == null ? Optional.empty() : parse(executionArn, value);
  }

  /** The trace of a start without a header, with its X-Ray form as the header. */
  static Trace generated(String executionArn, long startMillis) {
    TraceContext context = TraceContext.generate(seeded(executionArn, startMillis));
    return new Trace(context, context.xrayHeader(), null);
  }

  /**
   * A 64-bit hash of the ARN and the start time: every start without a header (all the API's too)
   * gets its trace from it, and with a 32-bit {@code hashCode} two of a few hundred thousand
   * executions would likely share a trace id.
   */
  private static SplittableRandom seeded(String executionArn, long startMillis) {
    long hash = startMillis;
    for (int i = 0; i < executionArn.length(); i++) {
      hash = hash * Trace.SEED_MULTIPLIER + executionArn.charAt(i);
    }
    return new SplittableRandom(hash);
  }

  /** A stored value (format 1). */
  static Optional<Trace> parse(String executionArn, String value) {
    String[] parts = value.split(" ", 3);
    if (parts.length < 2 || !FORMAT.equals(parts[0])) {
      throw new IllegalStateException("unknown trace format in the traces store for " + executionArn);
    }
    return TraceContext.fromTraceparent(parts[1]).map(c -> new Trace(c, parts.length == 3 ? parts[2] : "", null));
  }

  /** Forgets an execution's trace; only a stored one costs a delete (and its changelog record). */
  void forget(String executionArn) {
    parsed.remove(executionArn);
    if (store.get(executionArn) != null) {
      store.delete(executionArn);
    }
  }

  /** The effects with every published summary carrying the trace header. */
  static List<Effect> stamp(List<Effect> effects, Optional<Trace> trace) {
    if (trace.isEmpty() || trace.get().header().isEmpty()) {
      return effects;
    }
    List<Effect> out = new ArrayList<>(effects.size());
    for (Effect effect : effects) {
      out.add(effect instanceof Effect.PublishSummary publish
          ? new Effect.PublishSummary(publish.summary().withTraceHeader(trace.get().header())) : effect);
    }
    return out;
  }
}
