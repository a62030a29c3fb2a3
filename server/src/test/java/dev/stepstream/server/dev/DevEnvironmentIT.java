package dev.stepstream.server.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.broker.FreePorts;
import dev.stepstream.processor.topics.KafkaUnreachableException;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaClusterExtension.class)
class DevEnvironmentIT {
  private static final String[] CATALOGUE = {
    "stepstream.definitions", "stepstream.commands", "stepstream.task-results",
    "stepstream.history", "stepstream.executions", "stepstream.dead-letters"
  };

  @Test
  void shouldCreateEveryCatalogueTopicOnTheEmbeddedBrokerAndReuseItsDataOnRestart(@TempDir Path dir) {
    DevSettings settings = embedded(dir, false);
    try (DevEnvironment first = DevEnvironment.start(settings)) {
      assertThat(first.topics()).containsExactly(CATALOGUE);
    }
    assertThat(Files.exists(settings.kafkaDataDir().resolve("meta.properties"))).isTrue();
    long formattedAt = settings.kafkaDataDir().resolve("meta.properties").toFile().lastModified();

    try (DevEnvironment second = DevEnvironment.start(embedded(dir, false))) {
      assertThat(second.topics()).containsExactly(CATALOGUE);
    }
    assertThat(settings.kafkaDataDir().resolve("meta.properties").toFile().lastModified()).isEqualTo(formattedAt);
  }

  @Test
  void shouldUseAnExistingClusterWhenGivenKafka(KafkaCluster kafka, @TempDir Path dir) {
    DevSettings settings = DevSettings.kafkaOnly(kafka.bootstrapServers(), 0, dir, false, 3, "ext.", Duration.ofSeconds(30));

    try (DevEnvironment env = DevEnvironment.start(settings)) {
      assertThat(env.bootstrapServers()).isEqualTo(kafka.bootstrapServers());
      assertThat(kafka.topics()).contains("ext.commands", "ext.definitions", "ext.dead-letters");
    }
    assertThat(Files.exists(dir.resolve("kafka"))).isFalse();
  }

  @Test
  void shouldFailNamingTheAddressWhenKafkaIsUnreachable(@TempDir Path dir) {
    String address = "localhost:" + FreePorts.pick();
    DevSettings settings = DevSettings.kafkaOnly(address, 0, dir, false, 1, "x.", Duration.ofSeconds(2));
    long started = System.nanoTime();

    assertThatThrownBy(() -> DevEnvironment.start(settings))
        .isInstanceOf(KafkaUnreachableException.class)
        .hasMessageContaining(address);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }

  private static DevSettings embedded(Path dir, boolean fresh) {
    return DevSettings.kafkaOnly(null, FreePorts.pick(), dir, fresh, 2, "stepstream.", Duration.ofSeconds(30));
  }
}
