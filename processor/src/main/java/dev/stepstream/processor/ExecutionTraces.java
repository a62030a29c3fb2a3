package dev.stepstream.processor;

import dev.stepstream.engine.Effect;
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

/**
 * The {@code traces} store: each execution's trace, kept from its start until retention forgets
 * the execution, so that every task request carries a {@code traceparent} header of that trace and
 * every summary its {@code traceHeader}. The trace comes from the start's {@code traceHeader} (an
 * X-Ray header or a W3C traceparent); a start without one, or with one that names no trace, gets a
 * trace generated from the execution ARN, so a replayed start gets the same one.
 *
 * <p>Stored value, format 1: {@code "1 " + traceparent + " " + traceHeader} (the header may be empty).
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
   * Remembers the trace of the start that created an execution. Called only when the execution has no
   * state, so no trace of it is stored: retention forgets both together. The store is therefore not
   * read (each read was a miss, 4 % of the stream thread under W4), and a start that is applied again
   * (its first outputs lost) derives the same trace from the same record.
   */
  void started(StartExecution start) {
    if (parsed.containsKey(start.executionArn())) {
      return;
    }
    SplittableRandom seeded = new SplittableRandom(start.executionArn().hashCode() * 31L + start.requestedAt());
    String header = start.traceHeader() == null ? "" : start.traceHeader();
    TraceContext context = TraceContext.fromHeader(header, TraceContext.newSpanId(seeded))
        .orElseGet(() -> TraceContext.generate(seeded));
    String shown = header.isEmpty() ? context.xrayHeader() : header;
    store.put(start.executionArn(), FORMAT + " " + context.traceparent() + " " + shown);
    parsed.put(start.executionArn(), Optional.of(new Trace(context, shown, null)));
  }

  Optional<Trace> find(String executionArn) {
    Optional<Trace> known = parsed.get(executionArn);
    if (known != null) {
      return known;
    }
    String value = store.get(executionArn);
    if (value == null) {
      return Optional.empty();
    }
    Optional<Trace> trace = parse(executionArn, value);
    parsed.put(executionArn, trace);
    return trace;
  }

  /** A stored value (format 1). */
  static Optional<Trace> parse(String executionArn, String value) {
    String[] parts = value.split(" ", 3);
    if (parts.length < 2 || !FORMAT.equals(parts[0])) {
      throw new IllegalStateException("unknown trace format in the traces store for " + executionArn);
    }
    return TraceContext.fromTraceparent(parts[1]).map(c -> new Trace(c, parts.length == 3 ? parts[2] : "", null));
  }

  void forget(String executionArn) {
    parsed.remove(executionArn);
    store.delete(executionArn);
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
