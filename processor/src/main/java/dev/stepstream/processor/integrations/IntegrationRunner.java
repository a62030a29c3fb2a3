package dev.stepstream.processor.integrations;

import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TopicCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the built-in integrations: consumes their task topics ({@code read_committed}) and runs each
 * poll's requests in one transaction ({@link IntegrationBatch}). Instances with the same application
 * id share the task partitions through one consumer group; each needs its own {@code instanceId},
 * which makes its transactional id stable across restarts so a restart fences its predecessor.
 */
public final class IntegrationRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IntegrationRunner.class);
  /** System properties passed to the runner's consumer as they are: {@code ...consumer.session.timeout.ms=6000}. */
  public static final String CONSUMER_PROPERTY_PREFIX = IntegrationSettings.PROPERTY_PREFIX + "consumer.";
  /** System properties passed to the runner's producer as they are. */
  public static final String PRODUCER_PROPERTY_PREFIX = IntegrationSettings.PROPERTY_PREFIX + "producer.";

  private static final int MAX_POLL_RECORDS = 100;

  private final Map<String, Object> consumerConfig;
  private final Map<String, Object> producerConfig;
  private final List<String> taskNames;
  private final List<String> taskTopics;
  private final BuiltInIntegrations integrations;
  private final IntegrationBatch batch;
  private final TopicProvisioner provisioner;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile KafkaConsumer<String, byte[]> consumer;

  private IntegrationRunner(KafkaConnection kafka, TopicCatalogue catalogue, String applicationId,
      String instanceId, IntegrationSettings settings, HttpSettings httpSettings) {
    this.provisioner = new TopicProvisioner(kafka, catalogue, 1, (short) -1);
    this.integrations = new BuiltInIntegrations(new TopicRouter(settings, catalogue), httpSettings,
        MapRunSettings.fromProperties(System.getProperties()), kafka);
    this.taskNames = integrations.taskNames().stream().sorted().toList();
    this.taskTopics = taskNames.stream().map(catalogue::taskTopic).toList();
    this.batch = new IntegrationBatch(integrations, new AdminTargetTopics(provisioner, settings), catalogue.taskResults());
    this.consumerConfig = new HashMap<>(Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, applicationId + "-integrations",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS,
        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, maxPollIntervalMillis(httpSettings)));
    this.producerConfig = new HashMap<>(Map.of(
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-integrations-" + instanceId,
        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000,
        ProducerConfig.LINGER_MS_CONFIG, 1,
        ProducerConfig.ACKS_CONFIG, "all"));
    kafka.applyTo(consumerConfig);
    kafka.applyTo(producerConfig);
    overrides(CONSUMER_PROPERTY_PREFIX, consumerConfig);
    overrides(PRODUCER_PROPERTY_PREFIX, producerConfig);
    this.thread = new Thread(this::loop, "stepstream-integrations");
    this.thread.setDaemon(true);
  }

  /**
   * Creates the built-in task topics and starts serving them on a background thread.
   *
   * @param instanceId unique among the instances sharing {@code applicationId}, stable across restarts
   */
  public static IntegrationRunner start(String bootstrapServers, TopicCatalogue catalogue, String applicationId,
      String instanceId, IntegrationSettings settings) {
    return start(KafkaConnection.of(bootstrapServers), catalogue, applicationId, instanceId, settings);
  }

  /** As above, connecting with {@code kafka}'s servers and client (security) properties. */
  public static IntegrationRunner start(KafkaConnection kafka, TopicCatalogue catalogue, String applicationId,
      String instanceId, IntegrationSettings settings) {
    return start(kafka, catalogue, applicationId, instanceId, settings,
        HttpSettings.fromProperties(System.getProperties()));
  }

  /** As {@link #start(String, TopicCatalogue, String, String, IntegrationSettings)}, with the HTTP Task's settings. */
  public static IntegrationRunner start(String bootstrapServers, TopicCatalogue catalogue, String applicationId,
      String instanceId, IntegrationSettings settings, HttpSettings httpSettings) {
    return start(KafkaConnection.of(bootstrapServers), catalogue, applicationId, instanceId, settings, httpSettings);
  }

  /** As above, with {@code kafka}'s client (security) properties. */
  public static IntegrationRunner start(KafkaConnection kafka, TopicCatalogue catalogue, String applicationId,
      String instanceId, IntegrationSettings settings, HttpSettings httpSettings) {
    IntegrationRunner runner = new IntegrationRunner(kafka, catalogue, applicationId, instanceId, settings,
        httpSettings);
    runner.provisioner.ensureTaskTopics(runner.taskNames);
    runner.thread.start();
    return runner;
  }

  /** A poll's HTTP calls all timing out must not cost the runner its partitions (at least Kafka's 5 minutes). */
  private static int maxPollIntervalMillis(HttpSettings http) {
    long rounds = (MAX_POLL_RECORDS + http.threads() - 1) / http.threads();
    long millis = rounds * http.timeout().toMillis() + 60_000;
    return (int) Math.min(Integer.MAX_VALUE, Math.max(300_000, millis));
  }

  private static void overrides(String prefix, Map<String, Object> config) {
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(prefix))
        .forEach(name -> config.put(name.substring(prefix.length()), System.getProperty(name)));
  }

  /** The task topics served. */
  public List<String> taskTopics() {
    return taskTopics;
  }

  private void loop() {
    while (running.get()) {
      try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
          new ByteArrayDeserializer());
          KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
              new ByteArraySerializer())) {
        consumer = c;
        producer.initTransactions();
        c.subscribe(taskTopics);
        while (running.get()) {
          serve(c.poll(Duration.ofMillis(200)), c, producer);
        }
      } catch (WakeupException e) {
        // close() was called
      } catch (RuntimeException e) {
        if (running.get()) {
          LOG.warn("The integration runner restarts its Kafka clients after: {}", e.toString());
          pause(1_000);
        }
      }
    }
  }

  /** Runs a poll's records in one transaction; when that fails, each record alone, failing its Task if it fails again. */
  private void serve(ConsumerRecords<String, byte[]> records, KafkaConsumer<String, byte[]> c,
      KafkaProducer<String, byte[]> producer) {
    if (records.isEmpty()) {
      return;
    }
    List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
    records.forEach(all::add);
    // Calls are made once per poll: a failed transaction is retried with the same outcomes.
    List<IntegrationBatch.Prepared> prepared = batch.prepare(all);
    try {
      batch.commit(prepared, producer, c);
      return;
    } catch (KafkaException e) {
      if (isFatal(e)) {
        throw e;
      }
      LOG.warn("An integration transaction of {} requests failed, running them one by one: {}", all.size(), e.toString());
    }
    for (IntegrationBatch.Prepared one : prepared) {
      try {
        batch.commit(List.of(one), producer, c);
      } catch (KafkaException e) {
        if (isFatal(e)) {
          throw e;
        }
        batch.fail(one.record(), e, producer, c);
      }
    }
  }

  private static boolean isFatal(KafkaException e) {
    return e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException
        || e instanceof AuthorizationException || e instanceof UnsupportedVersionException
        || e instanceof WakeupException;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops serving; an open transaction is aborted and its requests run again elsewhere or on restart. */
  @Override
  public void close() {
    running.set(false);
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    provisioner.close();
    integrations.close();
  }
}
