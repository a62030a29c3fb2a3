package dev.stepstream.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.processor.Profile;
import dev.stepstream.server.dev.DevEnvironment;
import dev.stepstream.server.dev.DevExtension;
import dev.stepstream.server.dev.DevSettings;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer sees: dev runs the engine and the example (found on the launcher's class path
 * through DevExtension), and the sample execution completes.
 */
@ExtendWith(KafkaClusterExtension.class)
class DevExampleIT {

  @Test
  void shouldCompleteTheSampleExecutionOfTheImagePipeline(KafkaCluster kafka, @TempDir Path dir) throws Exception {
    DevSettings settings = new DevSettings(kafka.bootstrapServers(), 0, dir, false, 2, "devit.",
        Duration.ofSeconds(30), true, Profile.EXACTLY_ONCE);

    try (DevEnvironment env = DevEnvironment.start(settings)) {
      List<Optional<ExecutionSummary>> samples = env.runSamples(Duration.ofSeconds(60));
      assertThat(samples).hasSize(1);
      ExecutionSummary sample = samples.get(0).orElseThrow();

      assertThat(sample.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(env.extensionReport()).extracting(DevExtension.Row::label).containsExactly("Example", "Workers");
      assertThat(sample.output().path("notificado").asBoolean()).isTrue();
      assertThat(Path.of(sample.output().path("miniatura").asText())).exists();
      assertThat(kafka.topics()).contains("devit.tasks.SalvarImagem", "devit.tasks.ProcessarImagem",
          "devit.tasks.EnviarNotificacao", "devit.notifications");

      int port = env.startApi("127.0.0.1", 0);
      HttpResponse<String> described = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/"))
          .header("X-Amz-Target", "AWSStepFunctions.DescribeExecution")
          .header("Content-Type", "application/x-amz-json-1.0")
          .POST(HttpRequest.BodyPublishers.ofString("{\"executionArn\": \"" + sample.executionArn() + "\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(described.statusCode()).isEqualTo(200);
      assertThat(described.body()).contains("\"status\":\"SUCCEEDED\"");
    }
    assertThat(Files.isDirectory(dir.resolve("images"))).isTrue();
  }
}
