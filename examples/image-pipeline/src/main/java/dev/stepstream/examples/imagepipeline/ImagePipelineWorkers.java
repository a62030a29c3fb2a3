package dev.stepstream.examples.imagepipeline;

import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.worker.TaskHandler;
import dev.stepstream.worker.TaskWorker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three workers of the image pipeline ({@code definition.json}), started together against one
 * Kafka cluster and closed together. The task topics and {@code <prefix>notifications} are created
 * when missing.
 *
 * <pre>{@code
 * try (ImagePipelineWorkers workers = ImagePipelineWorkers.start("localhost:9092", "stepstream.", storeDir)) { ... }
 * }</pre>
 */
public final class ImagePipelineWorkers implements AutoCloseable {
  public static final String NOTIFICATIONS = "notifications";
  public static final List<String> TASKS = List.of(SalvarImagem.TASK, ProcessarImagem.TASK, EnviarNotificacao.TASK);
  private static final Logger LOG = LoggerFactory.getLogger(ImagePipelineWorkers.class);

  private final KafkaNotificationPublisher publisher;
  private final List<TaskWorker> workers;
  private final Path storeDir;

  private ImagePipelineWorkers(KafkaNotificationPublisher publisher, List<TaskWorker> workers, Path storeDir) {
    this.publisher = publisher;
    this.workers = List.copyOf(workers);
    this.storeDir = storeDir;
  }

  /** {@code ~/.stepstream/dev/images}, where {@code stepstream dev} keeps the pipeline's images. */
  public static Path defaultStoreDir() {
    return Path.of(System.getProperty("user.home"), ".stepstream", "dev", "images");
  }

  public static ImagePipelineWorkers start(String bootstrapServers, String topicPrefix, Path storeDir) {
    TopicCatalogue catalogue = TopicCatalogue.load(topicPrefix);
    String notifications = topicPrefix + NOTIFICATIONS;
    List<String> topics = new ArrayList<>(TASKS.stream().map(catalogue::taskTopic).toList());
    topics.add(notifications);
    Topics.createMissing(bootstrapServers, topics);

    KafkaNotificationPublisher publisher = new KafkaNotificationPublisher(bootstrapServers, notifications);
    List<TaskWorker> started = new ArrayList<>();
    try {
      started.add(start(bootstrapServers, topicPrefix, SalvarImagem.TASK, new SalvarImagem(storeDir)));
      started.add(start(bootstrapServers, topicPrefix, ProcessarImagem.TASK, new ProcessarImagem()));
      started.add(start(bootstrapServers, topicPrefix, EnviarNotificacao.TASK, new EnviarNotificacao(publisher)));
    } catch (RuntimeException e) {
      started.forEach(TaskWorker::close);
      publisher.close();
      throw e;
    }
    return new ImagePipelineWorkers(publisher, started, storeDir.toAbsolutePath());
  }

  private static TaskWorker start(String bootstrapServers, String topicPrefix, String task, TaskHandler handler) {
    return TaskWorker.builder()
        .bootstrapServers(bootstrapServers)
        .topicPrefix(topicPrefix)
        .task(task)
        .handler(handler)
        .concurrency(2)
        .build()
        .start();
  }

  public List<TaskWorker> workers() {
    return workers;
  }

  public Path storeDir() {
    return storeDir;
  }

  public String notificationsTopic() {
    return publisher.destination();
  }

  /** Closes the workers gracefully (each finishes its running tasks), then the notification producer. */
  @Override
  public void close() {
    for (int i = workers.size() - 1; i >= 0; i--) {
      workers.get(i).close();
    }
    publisher.close();
  }

  /** Runs the three workers until Ctrl-C: {@code [bootstrap-servers] [topic-prefix] [store-dir]}. */
  public static void main(String[] args) throws InterruptedException {
    String servers = args.length > 0 ? args[0] : "localhost:9092";
    String prefix = args.length > 1 ? args[1] : TopicCatalogue.DEFAULT_PREFIX;
    Path store = args.length > 2 ? Path.of(args[2]) : defaultStoreDir();
    ImagePipelineWorkers workers = start(servers, prefix, store);
    LOG.info("Image pipeline workers {} running on {} (images in {}); Ctrl-C stops them", TASKS, servers, workers.storeDir());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      workers.close();
      stopped.countDown();
    }, "image-pipeline-shutdown"));
    stopped.await();
  }
}
