package dev.stepstream.worker.internal;

import dev.stepstream.worker.LazyTaskHandler;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/** The Kafka clients and threads of a started worker. Not part of the API. */
public final class RunningWorker {
  private static final Duration PRODUCER_CLOSE = Duration.ofSeconds(10);

  private final WorkerSettings settings;
  private final Producer<String, byte[]> producer;
  private final WorkerLoop loop;
  private final Thread pollThread;

  private RunningWorker(WorkerSettings settings, LazyTaskHandler handler, WorkerCounters counters) {
    this.settings = settings;
    this.producer = new KafkaProducer<>(settings.producerConfig());
    ExecutorService handlers = new HandlerPool(
        settings.concurrency(), new WorkerThreads("stepstream-worker-" + settings.task() + "-"));
    this.loop = new WorkerLoop(settings, () -> TaskTopicCreator.ensure(settings), handler,
        new KafkaConsumer<>(settings.consumerConfig()), new ResultSender(producer, settings.resultsTopic(), counters),
        handlers, counters);
    this.pollThread = new Thread(loop, "stepstream-worker-" + settings.task() + "-poll");
  }

  public static RunningWorker start(WorkerSettings settings, LazyTaskHandler handler, WorkerCounters counters) {
    RunningWorker worker = new RunningWorker(settings, handler, counters);
    worker.pollThread.start();
    return worker;
  }

  public boolean isRunning() {
    return pollThread.isAlive();
  }

  /** Stops polling, waits for running tasks (bounded), commits and closes the clients. */
  public void close() throws InterruptedException {
    loop.stop();
    pollThread.join(settings.shutdownTimeout().plus(PRODUCER_CLOSE).toMillis());
    producer.close(PRODUCER_CLOSE);
  }

  /** Blocks until the worker has stopped (after {@link #close()}, or after a fatal error). */
  public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
    pollThread.join(unit.toMillis(timeout));
    return !pollThread.isAlive();
  }
}
