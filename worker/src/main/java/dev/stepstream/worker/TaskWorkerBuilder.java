package dev.stepstream.worker;

import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.worker.internal.TaskInvocation;
import dev.stepstream.worker.internal.WorkerSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Configures a {@link TaskWorker}. The task and its handler are registered once each; a builder that
 * has built its worker can no longer be changed. Everything but the task and handler has a default.
 */
public final class TaskWorkerBuilder {
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
  private static final Pattern TOPIC_SAFE = Pattern.compile("[A-Za-z0-9._-]+");

  private String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
  private String task;
  private LazyTaskHandler handler;
  private int concurrency = 1;
  private String topicPrefix = TopicCatalogue.DEFAULT_PREFIX;
  private String groupId;
  private String workerName;
  private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
  private Duration commitInterval = DEFAULT_COMMIT_INTERVAL;
  private final Map<String, Object> kafkaProperties = new HashMap<>();
  private boolean built;

  TaskWorkerBuilder() {}

  /** Kafka bootstrap servers, {@code host:port[,host:port...]} (default {@code localhost:9092}). */
  public TaskWorkerBuilder bootstrapServers(String servers) {
    checkConfigurable();
    this.bootstrapServers = requireText(servers, "bootstrapServers");
    return this;
  }

  /** The task name: the worker consumes {@code <prefix>tasks.<name>}. Set exactly once. */
  public TaskWorkerBuilder task(String name) {
    checkConfigurable();
    if (task != null) {
      throw new IllegalStateException("task is already registered as '" + task + "'; one worker serves one task");
    }
    requireText(name, "task");
    if (!TOPIC_SAFE.matcher(name).matches()) {
      throw new IllegalArgumentException("task '" + name + "' must use only letters, digits, '.', '_' and '-' (it names a topic)");
    }
    this.task = name;
    return this;
  }

  /** The code that runs each task, given its input as a Jackson tree. Set exactly once (or {@link #lazyHandler}). */
  public TaskWorkerBuilder handler(TaskHandler taskHandler) {
    register(taskHandler);
    this.handler = TaskInvocation.lazy(taskHandler);
    return this;
  }

  /**
   * The code that runs each task, given its input as raw JSON that it reads only as far as it needs;
   * the cheapest way to pass payloads through. Set exactly once (or {@link #handler}).
   */
  public TaskWorkerBuilder lazyHandler(LazyTaskHandler taskHandler) {
    register(taskHandler);
    this.handler = taskHandler;
    return this;
  }

  private void register(Object taskHandler) {
    checkConfigurable();
    if (handler != null) {
      throw new IllegalStateException("a handler is already registered for this worker");
    }
    if (taskHandler == null) {
      throw new IllegalArgumentException("handler must not be null");
    }
  }

  /** How many tasks run at once, each on its own thread (default 1). */
  public TaskWorkerBuilder concurrency(int threads) {
    checkConfigurable();
    if (threads < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1 but was " + threads);
    }
    this.concurrency = threads;
    return this;
  }

  /** The topic name prefix (default {@code stepstream.}). */
  public TaskWorkerBuilder topicPrefix(String prefix) {
    checkConfigurable();
    if (prefix == null) {
      throw new IllegalArgumentException("topicPrefix must not be null");
    }
    this.topicPrefix = prefix;
    return this;
  }

  /** The consumer group; workers sharing it share the tasks (default {@code stepstream-worker-<task>}). */
  public TaskWorkerBuilder groupId(String group) {
    checkConfigurable();
    this.groupId = requireText(group, "groupId");
    return this;
  }

  /** This worker's name in Kafka client ids and logs (default {@code <task>-<pid>}). */
  public TaskWorkerBuilder workerName(String name) {
    checkConfigurable();
    this.workerName = requireText(name, "workerName");
    return this;
  }

  /** How long {@link TaskWorker#close()} waits for running tasks (default 30 s). */
  public TaskWorkerBuilder shutdownTimeout(Duration timeout) {
    checkConfigurable();
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("shutdownTimeout must be zero or positive");
    }
    this.shutdownTimeout = timeout;
    return this;
  }

  /**
   * The least time between two commits of finished tasks' offsets while the worker runs (default
   * 100 ms; zero commits after every poll). Revoked partitions and a stopping worker are committed at
   * once whatever it is; after a crash, tasks finished within the last interval are delivered again.
   */
  public TaskWorkerBuilder commitInterval(Duration interval) {
    checkConfigurable();
    if (interval == null || interval.isNegative()) {
      throw new IllegalArgumentException("commitInterval must be zero or positive");
    }
    this.commitInterval = interval;
    return this;
  }

  /**
   * An extra Kafka client property for both the consumer and the producer (security settings, for
   * example). The properties the delivery guarantees rely on (isolation level, auto-commit,
   * idempotence, acks) always keep the worker's values.
   */
  public TaskWorkerBuilder kafkaProperty(String key, Object value) {
    checkConfigurable();
    kafkaProperties.put(requireText(key, "kafka property name"), value);
    return this;
  }

  /**
   * Kafka client properties for every client of the worker, such as the security settings of a
   * shared client-properties file ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}); as
   * {@link #kafkaProperty} for each. Use {@link #bootstrapServers} for the servers.
   */
  public TaskWorkerBuilder clientProperties(Properties properties) {
    properties.stringPropertyNames().forEach(name -> kafkaProperty(name, properties.getProperty(name)));
    return this;
  }

  /**
   * As {@link #clientProperties}, read from a Java properties file (the file {@code --kafka-config}
   * takes in the CLI).
   *
   * @throws IllegalArgumentException naming the file when it does not exist or does not parse
   */
  public TaskWorkerBuilder kafkaConfig(Path file) {
    KafkaConnection.readProperties(file).forEach(this::kafkaProperty);
    return this;
  }

  /**
   * @throws IllegalStateException when the task or handler is missing, or this builder already built a worker
   */
  public TaskWorker build() {
    checkConfigurable();
    if (task == null) {
      throw new IllegalStateException("no task registered: call task(\"Name\")");
    }
    if (handler == null) {
      throw new IllegalStateException("no handler registered for task '" + task + "': call handler((input, ctx) -> ...)");
    }
    built = true;
    WorkerSettings settings = new WorkerSettings(task, bootstrapServers, topicPrefix,
        groupId != null ? groupId : "stepstream-worker-" + task,
        workerName != null ? workerName : task + "-" + ManagementFactory.getRuntimeMXBean().getPid(),
        concurrency, shutdownTimeout, commitInterval, kafkaProperties);
    return new TaskWorker(settings, handler);
  }

  private void checkConfigurable() {
    if (built) {
      throw new IllegalStateException("this builder already built its worker and cannot be changed; use a new builder");
    }
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}
