package dev.stepstream.processor.topics;

import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of the catalogue (and per-task topics) on a cluster, leaving existing ones as
 * they are. Also the place that decides whether a cluster is reachable at all.
 */
public final class TopicProvisioner implements AutoCloseable {
  private final String bootstrapServers;
  private final TopicCatalogue catalogue;
  private final int defaultPartitions;
  private final short replicationFactor;
  private final Admin admin;

  public TopicProvisioner(String bootstrapServers, TopicCatalogue catalogue, int defaultPartitions, short replicationFactor) {
    this(KafkaConnection.of(bootstrapServers), catalogue, defaultPartitions, replicationFactor);
  }

  /** Connects with {@code kafka}'s servers and client (security) properties. */
  public TopicProvisioner(KafkaConnection kafka, TopicCatalogue catalogue, int defaultPartitions,
      short replicationFactor) {
    String bootstrapServers = kafka.bootstrapServers();
    if (defaultPartitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1 but was " + defaultPartitions);
    }
    this.bootstrapServers = bootstrapServers;
    this.catalogue = catalogue;
    this.defaultPartitions = defaultPartitions;
    this.replicationFactor = replicationFactor;
    Map<String, Object> config = new HashMap<>(Map.of(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    kafka.applyTo(config);
    this.admin = Admin.create(config);
  }

  /**
   * Waits until the cluster answers.
   *
   * @throws KafkaUnreachableException naming the address when it does not answer within {@code timeout}
   */
  public void awaitReachable(Duration timeout) {
    try {
      int nodes = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
      if (nodes == 0) {
        throw new KafkaUnreachableException(bootstrapServers, timeout, "the cluster reports no brokers");
      }
    } catch (TimeoutException e) {
      throw new KafkaUnreachableException(bootstrapServers, timeout, "no answer");
    } catch (ExecutionException e) {
      throw new KafkaUnreachableException(bootstrapServers, timeout, e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnreachableException(bootstrapServers, timeout, "interrupted");
    }
  }

  /** Creates every fixed topic of the catalogue; returns the full names of all of them. */
  public List<String> ensureCatalogueTopics() {
    List<NewTopic> wanted = new ArrayList<>();
    for (TopicSpec spec : catalogue.fixed()) {
      wanted.add(newTopic(catalogue.prefix() + spec.name(), spec));
    }
    create(wanted);
    return wanted.stream().map(NewTopic::name).toList();
  }

  /** Creates {@code tasks.<name>} topics for the given task names; returns their full names. */
  public List<String> ensureTaskTopics(Collection<String> taskNames) {
    List<NewTopic> wanted = taskNames.stream()
        .map(n -> new NewTopic(catalogue.taskTopic(n), catalogue.taskSpec().partitionsOr(defaultPartitions),
            replicationFactor).configs(catalogue.taskTopicConfigs()))
        .toList();
    create(wanted);
    return wanted.stream().map(NewTopic::name).toList();
  }

  /**
   * Creates topics outside the catalogue (targets of built-in integrations) with the cluster's
   * default settings and the given partition count; existing ones stay as they are.
   */
  public void ensurePlainTopics(Collection<String> names, int partitions) {
    create(names.stream().map(n -> new NewTopic(n, partitions, replicationFactor)).toList());
  }

  public Set<String> existingTopics() {
    try {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot list topics on " + bootstrapServers + ": " + e.getMessage(), e);
    }
  }

  /** The partition count of an existing topic. */
  public Optional<Integer> partitionCount(String topic) {
    try {
      return Optional.of(admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(topic).partitions().size());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private NewTopic newTopic(String name, TopicSpec spec) {
    return new NewTopic(name, spec.partitionsOr(defaultPartitions), replicationFactor).configs(spec.configs());
  }

  private void create(List<NewTopic> wanted) {
    Set<String> existing = existingTopics();
    List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
    if (missing.isEmpty()) {
      return;
    }
    try {
      admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e, e);
    }
    awaitVisible(missing.stream().map(NewTopic::name).toList());
  }

  /** Topic creation returns before every broker's metadata shows the topic; clients need it visible. */
  private void awaitVisible(List<String> names) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!existingTopics().containsAll(names)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topics " + names + " were created but are not visible on " + bootstrapServers);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for topics " + names, e);
      }
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
