package dev.stepstream.server.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.processor.Profile;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer sees: dev runs the engine and the example, and the sample execution completes. */
@ExtendWith(KafkaClusterExtension.class)
class DevExampleIT {

  @Test
  void shouldCompleteTheSampleExecutionOfTheImagePipeline(KafkaCluster kafka, @TempDir Path dir) {
    DevSettings settings = new DevSettings(kafka.bootstrapServers(), 0, dir, false, 2, "devit.",
        Duration.ofSeconds(30), true, Profile.EXACTLY_ONCE);

    try (DevEnvironment env = DevEnvironment.start(settings)) {
      ExecutionSummary sample = env.runExample(Duration.ofSeconds(60)).orElseThrow();

      assertThat(sample.status()).isEqualTo("SUCCEEDED");
      assertThat(sample.output().path("notificado").asBoolean()).isTrue();
      assertThat(Path.of(sample.output().path("miniatura").asText())).exists();
      assertThat(kafka.topics()).contains("devit.tasks.SalvarImagem", "devit.tasks.ProcessarImagem",
          "devit.tasks.EnviarNotificacao", "devit.notifications");
    }
    assertThat(Files.isDirectory(dir.resolve("images"))).isTrue();
  }
}
