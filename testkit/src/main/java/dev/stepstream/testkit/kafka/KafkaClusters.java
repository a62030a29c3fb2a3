package dev.stepstream.testkit.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses how to run Kafka for tests. {@code STEPSTREAM_TEST_KAFKA} (or the system property
 * {@code stepstream.test.kafka}) may force {@code embedded} or {@code testcontainers}; by default a
 * reachable Docker daemon means Testcontainers. {@code stepstream.test.kafka.image} picks the image.
 */
final class KafkaClusters {
  static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";
  private static final Logger LOG = LoggerFactory.getLogger(KafkaClusters.class);

  private KafkaClusters() {}

  static AutoCloseable startCluster() {
    String mode = setting("stepstream.test.kafka", "STEPSTREAM_TEST_KAFKA", "auto");
    boolean containers = switch (mode) {
      case "embedded" -> false;
      case "testcontainers" -> true;
      case "auto" -> dockerAvailable();
      default -> throw new IllegalArgumentException(
          "STEPSTREAM_TEST_KAFKA must be embedded, testcontainers or auto, not '" + mode + "'");
    };
    AutoCloseable cluster = containers
        ? new ContainerCluster(setting("stepstream.test.kafka.image", "STEPSTREAM_TEST_KAFKA_IMAGE", DEFAULT_IMAGE))
        : new EmbeddedCluster();
    LOG.info("Test Kafka ({}) at {}", ((KafkaCluster) cluster).kind(), ((KafkaCluster) cluster).bootstrapServers());
    return cluster;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static String setting(String property, String env, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
