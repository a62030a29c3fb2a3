package dev.stepstream.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The AWS SDK for JavaScript v3 ({@code @aws-sdk/client-sfn}, installed by the build's {@code npm ci}
 * into {@code src/test/js}) runs create → start → describe against the API. Skipped, saying why,
 * when node or the installed SDK is missing.
 */
@ExtendWith(KafkaClusterExtension.class)
class JsSdkSmokeIT {
  private static final Path JS = Path.of("src", "test", "js");

  @Test
  void shouldCreateStartAndDescribeWithTheJavaScriptSdk(KafkaCluster kafka) throws Exception {
    assumeTrue(Files.isDirectory(JS.resolve("node_modules/@aws-sdk/client-sfn")),
        "@aws-sdk/client-sfn is not installed in " + JS.toAbsolutePath() + " (npm missing or npm ci failed): skipping");
    assumeTrue(nodeAvailable(), "node is not on the PATH: skipping the JavaScript SDK smoke test");
    try (ApiFixture fixture = new ApiFixture(kafka, Duration.ofSeconds(1))) {
      Process node = new ProcessBuilder("node", "--no-warnings", "smoke.mjs", fixture.endpoint().toString())
          .directory(JS.toFile()).redirectErrorStream(true).start();
      assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished in time").isTrue();
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(node.exitValue()).as(output).isZero();
      assertThat(output.trim()).isEqualTo("{\"status\":\"SUCCEEDED\",\"output\":\"{\\\"greeting\\\":\\\"Hello, JavaScript!\\\"}\"}");
    }
  }

  private static boolean nodeAvailable() {
    try {
      return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
