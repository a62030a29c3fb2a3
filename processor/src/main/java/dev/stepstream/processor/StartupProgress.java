package dev.stepstream.processor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the processor come up: reports state-store restoration as it goes (which store, records
 * restored out of total) and decides when to give up. It waits as long as something moves (a state
 * change or restored records) and fails only after {@code stallTimeout} without progress, saying
 * what it was waiting for.
 */
final class StartupProgress implements StateRestoreListener, KafkaStreams.StateListener {
  private static final Logger LOG = LoggerFactory.getLogger(StartupProgress.class);
  private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
  private final AtomicLong lastProgressNanos = new AtomicLong(System.nanoTime());
  private final AtomicLong lastReportNanos = new AtomicLong(0);
  private final AtomicLong toRestore = new AtomicLong();
  private final AtomicLong restored = new AtomicLong();
  private final AtomicReference<String> restoring = new AtomicReference<>();
  private final AtomicReference<Runnable> whenStopped = new AtomicReference<>();

  @Override
  public void onChange(KafkaStreams.State now, KafkaStreams.State before) {
    state.set(now);
    progressed();
    if (now == KafkaStreams.State.ERROR) {
      Runnable action = whenStopped.getAndSet(null);
      if (action != null) {
        Thread stopper = new Thread(action, "stepstream-processor-stopped");
        stopper.start();
      }
    }
  }

  /** {@code action} runs once, on a thread of its own, if the processor ends in ERROR (it stopped by itself). */
  void whenStopped(Runnable action) {
    whenStopped.set(action);
  }

  @Override
  public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
    toRestore.addAndGet(Math.max(0, endingOffset - startingOffset));
    restoring.set(store + " (" + partition + ")");
    progressed();
  }

  @Override
  public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
    restored.addAndGet(numRestored);
    restoring.set(store + " (" + partition + ")");
    progressed();
    long now = System.nanoTime();
    long last = lastReportNanos.get();
    if (now - last >= REPORT_EVERY_NANOS && lastReportNanos.compareAndSet(last, now)) {
      LOG.info("Restoring state: {} of {} records; now {}", restored.get(), toRestore.get(), restoring.get());
    }
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    progressed();
  }

  /** Blocks until RUNNING; throws when the processor failed or made no progress for {@code stallTimeout}. */
  void awaitRunning(Duration stallTimeout) throws InterruptedException {
    long started = System.nanoTime();
    while (true) {
      KafkaStreams.State now = state.get();
      if (now == KafkaStreams.State.RUNNING) {
        if (restored.get() > 0) {
          LOG.info("Restored {} records of state in {} s", restored.get(),
              TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }
        return;
      }
      if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR
          || now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.PENDING_SHUTDOWN) {
        throw new IllegalStateException("the processor stopped while starting (state " + now + "); see the log above");
      }
      if (System.nanoTime() - lastProgressNanos.get() > stallTimeout.toNanos()) {
        throw new IllegalStateException("the processor made no progress for " + stallTimeout.toSeconds()
            + " s while " + waitingFor(now));
      }
      Thread.sleep(50);
    }
  }

  private String waitingFor(KafkaStreams.State now) {
    String where = restoring.get() == null ? ""
        : "; restored " + restored.get() + " of " + toRestore.get() + " records, last " + restoring.get();
    return "in state " + now + ": waiting for the consumer group to assign partitions and for state stores to"
        + " restore" + where + ". If a previous instance was killed, its partitions return when its session times"
        + " out; if a restore never ends, the broker may hold hanging transactions (kafka-transactions.sh"
        + " find-hanging).";
  }

  private void progressed() {
    lastProgressNanos.set(System.nanoTime());
  }
}
