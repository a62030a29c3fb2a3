package dev.stepstream.testkit.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Kafka cluster for integration tests: a Testcontainers {@code apache/kafka} container when
 * a Docker daemon is reachable, otherwise an in-process KRaft broker. Tests see only the bootstrap
 * servers, so the same test runs on either. Obtain it through {@link KafkaClusterExtension}.
 */
public interface KafkaCluster {

  String bootstrapServers();

  /** "testcontainers" or "embedded", for test logs. */
  String kind();

  /** Creates topics with the given partition count; topics that already exist are left alone. */
  default void createTopics(int partitions, String... names) {
    createTopics(partitions, List.of(names));
  }

  default void createTopics(int partitions, Collection<String> names) {
    try (Admin admin = admin()) {
      List<NewTopic> topics = names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList();
      try {
        admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topics " + names, e.getCause());
        }
      }
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics " + names, e);
    }
  }

  default Set<String> topics() {
    try (Admin admin = admin()) {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot list topics", e);
    }
  }

  default Admin admin() {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis()));
  }
}
