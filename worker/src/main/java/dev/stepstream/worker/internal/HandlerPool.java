package dev.stepstream.worker.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The handler threads: at most {@code size} tasks run at once, as in a fixed thread pool, but a
 * task wakes an idle thread only when no thread is already on its way to the queue.
 *
 * <p>A fixed pool's queue wakes a thread for nearly every task: the submitter signals when the
 * queue was empty, and each thread that takes a task signals another while tasks remain. With quick
 * handlers one thread would have run them all before the others were scheduled, and each of those
 * wake-ups (and the park after it) cost more CPU than the task: in the bench's W2 under
 * {@code fast}, 46 % of the worker's threads' CPU. Here a wake-up is sent only while no woken thread
 * has yet looked at the queue, and a thread that takes a task while more wait hands the rest on the
 * same way, so a handler that blocks never holds back the tasks behind it.
 */
final class HandlerPool extends AbstractExecutorService {
  private final int size;
  private final ThreadFactory threads;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedDeque<Idler> idle = new ConcurrentLinkedDeque<>();
  /** Threads woken (or started) that have not yet looked at the queue. */
  private final AtomicInteger waking = new AtomicInteger();
  private final List<Thread> started = new ArrayList<>();
  private volatile boolean shutdown;

  HandlerPool(int size, ThreadFactory threads) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, was " + size);
    }
    this.size = size;
    this.threads = threads;
  }

  @Override
  public void execute(Runnable task) {
    if (shutdown) {
      throw new RejectedExecutionException("the handler threads are shut down");
    }
    tasks.add(task);
    wakeOneUnlessWaking();
  }

  private void wakeOneUnlessWaking() {
    if (waking.get() > 0) {
      return;
    }
    Idler sleeper = idle.pollFirst();
    if (sleeper != null) {
      waking.incrementAndGet();
      sleeper.wake();
    } else {
      startThreadIfBelowSize();
    }
  }

  private void startThreadIfBelowSize() {
    synchronized (started) {
      if (started.size() >= size || shutdown) {
        return;
      }
      waking.incrementAndGet();
      try {
        Thread thread = threads.newThread(this::work);
        thread.start();
        started.add(thread);
      } catch (RuntimeException | Error e) {
        waking.decrementAndGet(); // no thread is on its way: the next task tries again
        throw e;
      }
    }
  }

  private void work() {
    Idler self = new Idler(Thread.currentThread());
    waking.decrementAndGet();
    while (true) {
      Runnable task = tasks.poll();
      if (task != null) {
        if (!tasks.isEmpty()) {
          wakeOneUnlessWaking();
        }
        run(task);
      } else if (shutdown) {
        return;
      } else {
        idle.addFirst(self);
        // A task added after the poll above may have found no idle thread to wake: look again.
        if (tasks.isEmpty() && !shutdown || !idle.remove(self)) {
          self.sleep();
          waking.decrementAndGet();
        }
      }
    }
  }

  private void run(Runnable task) {
    if (!shutdown) {
      Thread.interrupted(); // an interrupt meant for the previous task
    }
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      Thread.UncaughtExceptionHandler handler = Thread.currentThread().getUncaughtExceptionHandler();
      handler.uncaughtException(Thread.currentThread(), e);
    }
  }

  @Override
  public void shutdown() {
    shutdown = true;
    Idler sleeper;
    while ((sleeper = idle.pollFirst()) != null) {
      waking.incrementAndGet();
      sleeper.wake();
    }
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown();
    List<Runnable> never = new ArrayList<>();
    Runnable task;
    while ((task = tasks.poll()) != null) {
      never.add(task);
    }
    startedThreads().forEach(Thread::interrupt);
    return never;
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown && startedThreads().stream().noneMatch(Thread::isAlive);
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    for (Thread thread : startedThreads()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return isTerminated();
      }
      TimeUnit.NANOSECONDS.timedJoin(thread, left);
    }
    return isTerminated();
  }

  int threadsStarted() {
    return startedThreads().size();
  }

  private List<Thread> startedThreads() {
    synchronized (started) {
      return List.copyOf(started);
    }
  }

  /** One parked thread and the wake-up meant for it. */
  private static final class Idler {
    private final Thread thread;
    private volatile boolean woken;

    Idler(Thread thread) {
      this.thread = thread;
    }

    void wake() {
      woken = true;
      LockSupport.unpark(thread);
    }

    void sleep() {
      while (!woken) {
        LockSupport.park(this);
      }
      woken = false;
    }
  }
}
