package dev.stepstream.server.dev;

import dev.stepstream.broker.EmbeddedBrokerConfig;
import dev.stepstream.broker.EmbeddedKafkaBroker;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.wire.TopicCatalogue;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code stepstream dev} runs, started in dependency order and stopped in reverse:
 * the Kafka broker (embedded unless {@code --kafka} is given) and the catalogue topics.
 */
public final class DevEnvironment implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevEnvironment.class);

  private final DevSettings settings;
  private final List<AutoCloseable> running = new ArrayList<>();
  private String bootstrapServers;
  private List<String> topics = List.of();

  private DevEnvironment(DevSettings settings) {
    this.settings = settings;
  }

  /** Starts everything; on failure, stops what had started and rethrows. */
  public static DevEnvironment start(DevSettings settings) {
    DevEnvironment env = new DevEnvironment(settings);
    try {
      env.startKafka();
      env.createTopics();
      return env;
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  private void startKafka() {
    if (settings.embedded()) {
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
          EmbeddedBrokerConfig.persistent(settings.port(), settings.kafkaDataDir(), settings.fresh()));
      running.add(broker);
      bootstrapServers = broker.bootstrapServers();
    } else {
      bootstrapServers = settings.kafka();
    }
  }

  private void createTopics() {
    TopicCatalogue catalogue = TopicCatalogue.load(settings.topicPrefix());
    try (TopicProvisioner provisioner = new TopicProvisioner(bootstrapServers, catalogue, settings.partitions(), (short) 1)) {
      provisioner.awaitReachable(settings.kafkaTimeout());
      topics = provisioner.ensureCatalogueTopics();
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public List<String> topics() {
    return topics;
  }

  public DevSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        LOG.warn("Could not stop {} cleanly: {}", running.get(i).getClass().getSimpleName(), e.toString());
      }
    }
    running.clear();
  }
}
