package dev.stepstream.server.cli;

import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.worker.TaskWorker;
import dev.stepstream.worker.WorkerMetrics;
import dev.stepstream.worker.process.CommandTaskHandler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "worker",
    description = {
      "Run a command for every task of one task name, in any language.",
      "The task input is written to the command's stdin as JSON. Exit code 0: stdout (JSON, or text) is the output.",
      "Other exit codes fail the task with Stepstream.CommandFailed and stderr as cause."},
    mixinStandardHelpOptions = true)
final class WorkerCommand implements Callable<Integer> {
  /** Partitions of the task topic when this command has to create it (as `stepstream dev` does). */
  private static final int TASK_TOPIC_PARTITIONS = 6;
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

  @Spec CommandSpec spec;

  @Option(names = "--task", required = true, paramLabel = "NAME",
      description = "The task name: consumes <prefix>tasks.NAME (for arn:...:function:NAME).")
  String task;

  @Option(names = {"--kafka", "--bootstrap-servers"}, defaultValue = "localhost:9092", paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(names = "--kafka-config", paramLabel = "FILE", description = ServeCommand.KAFKA_CONFIG_HELP)
  Path kafkaConfig;

  @Option(names = "--concurrency", defaultValue = "1", paramLabel = "N",
      description = "How many commands run at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--topic-prefix", defaultValue = "stepstream.", paramLabel = "P",
      description = "Topic name prefix (default: ${DEFAULT-VALUE}).")
  String topicPrefix;

  @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command to run per task and its arguments, after --.")
  List<String> command;

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      awaitQuietly(stopped);
    }, "stepstream-worker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return runUntil(stop);
    } finally {
      stopped.countDown();
      removeQuietly(hook);
    }
  }

  /** Runs the worker until {@code stop} opens (Ctrl-C in {@link #call()}), then stops it gracefully. */
  int runUntil(CountDownLatch stop) throws InterruptedException {
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency must be at least 1 but was " + concurrency);
    }
    KafkaConnection kafka = KafkaConnection.load(bootstrapServers, kafkaConfig);
    CommandTaskHandler handler = new CommandTaskHandler(command);
    TaskWorker worker = TaskWorker.builder()
        .bootstrapServers(bootstrapServers)
        .clientProperties(asProperties(kafka))
        .topicPrefix(topicPrefix)
        .task(task)
        .concurrency(concurrency)
        .handler(handler)
        .build();
    String taskTopic = prepareTopics(kafka);
    PrintWriter out = spec.commandLine().getOut();
    worker.start();
    out.printf("Worker for %s on %s runs `%s` (concurrency %d). Press Ctrl-C to stop.%n",
        taskTopic, bootstrapServers, String.join(" ", command), concurrency);
    out.flush();
    try {
      while (!stop.await(1, TimeUnit.SECONDS)) {
        if (!worker.isRunning()) {
          throw new IllegalStateException("the worker stopped after a Kafka error (see the log)");
        }
      }
    } finally {
      handler.stopping();
      worker.close();
      printSummary(out, worker.metrics());
    }
    return 0;
  }

  /** Fails early when Kafka is unreachable or the results topic is missing; creates the task topic. */
  private String prepareTopics(KafkaConnection kafka) {
    TopicCatalogue catalogue = TopicCatalogue.load(topicPrefix);
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka, catalogue, TASK_TOPIC_PARTITIONS, (short) 1)) {
      provisioner.awaitReachable(KAFKA_TIMEOUT);
      if (!provisioner.existingTopics().contains(catalogue.taskResults())) {
        throw new IllegalStateException("topic " + catalogue.taskResults() + " does not exist on " + bootstrapServers
            + "; start `stepstream dev` (or create the catalogue topics) first, or check --topic-prefix");
      }
      return provisioner.ensureTaskTopics(List.of(task)).get(0);
    }
  }

  private static Properties asProperties(KafkaConnection kafka) {
    Properties p = new Properties();
    p.putAll(kafka.clientProperties());
    return p;
  }

  private static void printSummary(PrintWriter out, WorkerMetrics metrics) {
    out.printf("Worker stopped: %d succeeded, %d failed, %d skipped.%n", metrics.succeeded(), metrics.failed(), metrics.skipped());
    out.flush();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeQuietly(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook is running and waits for us.
    }
  }
}
