package dev.stepstream.server.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.broker.FreePorts;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.topics.KafkaUnreachableException;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaClusterExtension.class)
class DevEnvironmentIT {
  private static final String[] CATALOGUE = {
    "stepstream.definitions", "stepstream.commands", "stepstream.task-results",
    "stepstream.history", "stepstream.executions", "stepstream.dead-letters", "stepstream.events",
    "stepstream.logs"
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

  @Test
  void shouldStartExtensionsOnceTheEngineRunsAndStopThemWithDev(KafkaCluster kafka, @TempDir Path dir) {
    DevSettings settings = new DevSettings(kafka.bootstrapServers(), 0, dir, false, 1, "ext2.",
        Duration.ofSeconds(30), true, Profile.EXACTLY_ONCE);
    List<DevContext> contexts = new ArrayList<>();
    AtomicBoolean closed = new AtomicBoolean();
    DevExtension extension = context -> {
      contexts.add(context);
      return new DevExtension.Started() {
        @Override
        public List<DevExtension.Row> report() {
          return List.of(new DevExtension.Row("Fake", "running"));
        }

        @Override
        public void close() {
          closed.set(true);
        }
      };
    };

    try (DevEnvironment env = DevEnvironment.start(settings, 0, List.of(extension))) {
      assertThat(env.processor()).isPresent();
      assertThat(contexts).singleElement().satisfies(c -> {
        assertThat(c.bootstrapServers()).isEqualTo(kafka.bootstrapServers());
        assertThat(c.topics().prefix()).isEqualTo("ext2.");
        assertThat(c.dataDir()).isEqualTo(dir);
      });
      assertThat(env.extensionReport()).containsExactly(new DevExtension.Row("Fake", "running"));
      assertThat(env.runSamples(Duration.ofSeconds(1))).isEmpty();
      assertThat(closed).isFalse();
    }
    assertThat(closed).isTrue();
  }

  @Test
  void shouldNotStartExtensionsWithoutTheEngine(KafkaCluster kafka, @TempDir Path dir) {
    DevSettings settings = DevSettings.kafkaOnly(kafka.bootstrapServers(), 0, dir, false, 1, "ext3.", Duration.ofSeconds(30));
    DevExtension extension = context -> {
      throw new AssertionError("started without the engine");
    };

    try (DevEnvironment env = DevEnvironment.start(settings, 0, List.of(extension))) {
      assertThat(env.extensionReport()).isEmpty();
    }
  }

  private static DevSettings embedded(Path dir, boolean fresh) {
    return DevSettings.kafkaOnly(null, FreePorts.pick(), dir, fresh, 2, "stepstream.", Duration.ofSeconds(30));
  }
}
