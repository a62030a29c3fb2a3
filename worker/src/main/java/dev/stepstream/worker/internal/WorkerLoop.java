package dev.stepstream.worker.internal;

import dev.stepstream.worker.LazyTaskHandler;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll thread: hands records to handler threads, keeps at most {@code concurrency} tasks in
 * flight (running, or with a result not yet acknowledged) by pausing the assignment, and commits
 * each partition up to its lowest unfinished record once results are acknowledged, at most once per
 * {@link WorkerSettings#commitInterval()} while it runs (and at once when partitions are revoked or
 * the worker stops). Only this thread touches the consumer and the offset tracker.
 */
public final class WorkerLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
  private static final Duration DRAIN_POLL = Duration.ofMillis(20);

  private final WorkerSettings settings;
  private final Runnable beforeSubscribe;
  private final LazyTaskHandler handler;
  private final Consumer<String, byte[]> consumer;
  private final ResultSender sender;
  private final ExecutorService handlers;
  private final WorkerCounters counters;
  private final OffsetTracker tracker = new OffsetTracker();
  private final Queue<OffsetTracker.Ticket> finished = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Released by every handler that finishes, so a paused poll thread resumes at once, not after a poll timeout. */
  private final Semaphore slotFreed = new Semaphore(0);
  private final LongSupplier nanoClock;
  private final long commitIntervalNanos;
  private long lastCommitNanos;
  private volatile boolean stopping;
  private volatile boolean abandoned;

  /** @param beforeSubscribe runs on the poll thread before it subscribes (creating the task topic) */
  WorkerLoop(WorkerSettings settings, Runnable beforeSubscribe, LazyTaskHandler handler,
      Consumer<String, byte[]> consumer, ResultSender sender, ExecutorService handlers, WorkerCounters counters) {
    this(settings, beforeSubscribe, handler, consumer, sender, handlers, counters, System::nanoTime);
  }

  /** @param nanoClock the time the commit interval is measured with */
  WorkerLoop(WorkerSettings settings, Runnable beforeSubscribe, LazyTaskHandler handler,
      Consumer<String, byte[]> consumer, ResultSender sender, ExecutorService handlers, WorkerCounters counters,
      LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.commitIntervalNanos = settings.commitInterval().toNanos();
    this.lastCommitNanos = nanoClock.getAsLong() - commitIntervalNanos;
    this.settings = settings;
    this.beforeSubscribe = beforeSubscribe;
    this.handler = handler;
    this.consumer = consumer;
    this.sender = sender;
    this.handlers = handlers;
    this.counters = counters;
  }

  /** Asks the loop to stop taking tasks, finish the running ones and return. */
  void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    try {
      beforeSubscribe.run();
      consumer.subscribe(List.of(settings.taskTopic()), new CommitOnRevoke());
      while (!stopping) {
        pollOnce();
      }
      drain();
    } catch (RuntimeException e) {
      LOG.error("Worker for task {} stopped after an unexpected error", settings.task(), e);
      abandoned = true;
    } finally {
      handlers.shutdownNow();
      commitSync();
      consumer.close();
    }
  }

  private void pollOnce() {
    Duration timeout = POLL_TIMEOUT;
    if (!consumer.paused().isEmpty()) {
      awaitFreeSlot();
      timeout = Duration.ZERO;
    }
    ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
        dispatch(partition, record);
      }
    }
    commitFinished();
    if (inFlight.get() >= settings.concurrency()) {
      consumer.pause(consumer.assignment());
    } else if (!consumer.paused().isEmpty()) {
      consumer.resume(consumer.paused());
    }
  }

  /**
   * While every handler slot is busy the assignment is paused; waiting in {@code poll} would then
   * cost a whole poll timeout per batch however fast handlers are. Wait for a handler instead
   * (bounded, so the consumer is still polled regularly).
   */
  private void awaitFreeSlot() {
    slotFreed.drainPermits();
    if (inFlight.get() < settings.concurrency()) {
      return;
    }
    try {
      slotFreed.tryAcquire(POLL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  private void dispatch(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
    OffsetTracker.Ticket ticket = tracker.dispatched(partition, record.offset());
    LazyTaskRequest request;
    try {
      request = LazyTaskRequest.decode(record.value());
    } catch (RuntimeException e) {
      LOG.warn("Skipping record {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
      counters.skipped.increment();
      tracker.completed(ticket);
      return;
    }
    inFlight.incrementAndGet();
    TaskTracing.Trace trace = TaskTracing.traceOf(record.headers());
    handlers.execute(() -> runTask(request, trace, ticket));
  }

  /**
   * Runs on a handler thread, which is free again once the result is handed to the producer; the
   * task keeps its slot (and its offset stays uncommitted) until the broker acknowledged the result.
   */
  private void runTask(LazyTaskRequest request, TaskTracing.Trace trace, OffsetTracker.Ticket ticket) {
    boolean sending = false;
    boolean done = false;
    try {
      Optional<TaskOutcome> result = invoke(request, trace);
      if (result == null || abandoned) {
        return;
      }
      if (result.isEmpty()) {
        counters.deferred.increment();
        done = true;
      } else {
        sender.send(result.get(), () -> abandoned, TaskTracing.traceparent(trace),
            acknowledged -> finish(ticket, acknowledged));
        sending = true;
      }
    } catch (RuntimeException | Error e) {
      LOG.error("Task {} of {} could not be completed; it will be redelivered", request.taskToken(), request.executionArn(), e);
    } finally {
      if (!sending) {
        finish(ticket, done);
      }
    }
  }

  /** Frees the task's slot; a task that is done may have its offset committed. Any thread. */
  private void finish(OffsetTracker.Ticket ticket, boolean done) {
    if (done) {
      finished.add(ticket);
    }
    inFlight.decrementAndGet();
    slotFreed.release();
  }

  /** The handler's outcome, or null when it was interrupted because the worker is stopping. */
  private Optional<TaskOutcome> invoke(LazyTaskRequest request, TaskTracing.Trace trace) {
    try (Scope scope = TaskTracing.makeCurrent(trace)) {
      return TaskInvocation.invoke(handler, request,
          heartbeat -> sender.heartbeat(heartbeat, TaskTracing.traceparent(trace)));
    } catch (InterruptedException e) {
      if (stopping) {
        LOG.info("Task {} was interrupted while the worker stops; it will be redelivered", request.taskToken());
        return null;
      }
      return Optional.of(TaskInvocation.failed(request.executionArn(), request.taskToken(), e, null));
    }
  }

  /** Waits (bounded) for running tasks while keeping the group membership alive with paused polls. */
  private void drain() {
    consumer.pause(consumer.assignment());
    long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      consumer.poll(DRAIN_POLL);
      commitFinished();
    }
    if (inFlight.get() > 0) {
      LOG.warn("{} task(s) of {} did not finish within {}; they will be redelivered",
          inFlight.get(), settings.task(), settings.shutdownTimeout());
      abandoned = true;
    }
  }

  private void applyFinished() {
    OffsetTracker.Ticket ticket;
    while ((ticket = finished.poll()) != null) {
      tracker.completed(ticket);
    }
  }

  /**
   * Commits what finished, unless the last commit is younger than the commit interval: the loop polls
   * each time a handler finishes, and one commit per poll took a fifth of this thread's time and a
   * write to {@code __consumer_offsets} each. A crash re-delivers the tasks finished since the last
   * commit, as it re-delivers those still running.
   */
  private void commitFinished() {
    applyFinished();
    long now = nanoClock.getAsLong();
    if (now - lastCommitNanos < commitIntervalNanos) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> positions = tracker.committable();
    if (positions.isEmpty()) {
      return;
    }
    lastCommitNanos = now;
    // Until the callback (run by a later poll on this thread) confirms it, the same positions may be
    // committed again; that is harmless, and a failed commit is simply retried.
    consumer.commitAsync(positions, (committed, error) -> {
      if (error == null) {
        tracker.markCommitted(committed);
      } else {
        LOG.debug("Offset commit failed; it is retried: {}", error.toString());
      }
    });
  }

  private void commitSync() {
    commitSync(null);
  }

  private void commitSync(Collection<TopicPartition> only) {
    applyFinished();
    Map<TopicPartition, OffsetAndMetadata> positions = only == null ? tracker.committable() : tracker.committable(only);
    if (positions.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(positions);
      tracker.markCommitted(positions);
    } catch (RuntimeException e) {
      LOG.warn("Offset commit failed; those records may be delivered again: {}", e.toString());
    }
  }

  private final class CommitOnRevoke implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commitSync(partitions);
      tracker.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      // New partitions start at their committed offsets; nothing to prepare.
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      tracker.forget(partitions);
    }
  }
}
