package dev.stepstream.worker.internal;

import dev.stepstream.worker.WorkerMetrics;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link WorkerMetrics}; updated from any thread. */
public final class WorkerCounters {
  final LongAdder succeeded = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder deferred = new LongAdder();
  final LongAdder skipped = new LongAdder();
  final LongAdder heartbeats = new LongAdder();

  public WorkerMetrics snapshot() {
    return new WorkerMetrics(succeeded.sum(), failed.sum(), deferred.sum(), skipped.sum(), heartbeats.sum());
  }
}
