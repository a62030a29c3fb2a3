package dev.stepstream.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/** Docker is not available on the build machines, so check what can be checked of the compose setup. */
class DockerComposeFileTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void shouldRunKafkaAndStepstreamWiredByTheKafkaFlag() throws IOException {
    JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    JsonNode services = compose.path("services");

    assertThat(names(services)).containsExactlyInAnyOrder("kafka", "stepstream");
    JsonNode kafka = services.path("kafka");
    assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
    assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    assertThat(kafka.path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText())
        .contains("INTERNAL://kafka:19092").contains("EXTERNAL://localhost:9092");
    assertThat(texts(kafka.path("ports"))).contains("9092:9092");

    JsonNode stepstream = services.path("stepstream");
    assertThat(stepstream.path("build").asText()).isEqualTo(".");
    assertThat(texts(stepstream.path("command"))).as("compose runs the image's own command")
        .isEqualTo(DeploymentArgs.dockerfile("CMD"));
    assertThat(stepstream.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
    assertThat(texts(stepstream.path("ports"))).contains("8083:8083");
    assertThat(stepstream.path("environment").has("STEPSTREAM_ACCESS_KEY_ID")).isTrue();
    assertThat(stepstream.path("environment").has("STEPSTREAM_SECRET_ACCESS_KEY")).isTrue();
  }

  @Test
  void shouldServeOnAllAddressesWithAuthenticationInTheImagesCommand() throws IOException {
    ParseResult serve = DeploymentArgs.parse(DeploymentArgs.dockerfile("CMD"));

    assertThat(serve.commandSpec().name()).isEqualTo("serve");
    assertThat(serve.matchedOptionValue("--host", "")).isEqualTo("0.0.0.0");
    assertThat(serve.matchedOptionValue("--kafka", "")).isEqualTo("kafka:19092");
    assertThat(serve.hasMatchedOption("--auth")).as("sigv4 is the default; the image must not turn it off").isFalse();
    assertThat(serve.commandSpec().findOption("--auth").defaultValue()).isEqualTo("sigv4");
    assertThat(serve.matchedOptionValue("--state-dir", Path.of("")).toString()).startsWith("/var/lib/stepstream/");
    assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("VOLUME /var/lib/stepstream");
  }

  @Test
  void shouldCheckReadinessWithAToolTheImageInstalls() throws IOException {
    JsonNode stepstream = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile())
        .path("services").path("stepstream");

    List<String> test = texts(stepstream.path("healthcheck").path("test"));
    assertThat(test).startsWith("CMD", "curl").anyMatch(a -> a.equals("http://127.0.0.1:8083/health/ready"));
    assertThat(test).as("curl must fail on a 503").contains("-fsS");
    assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("apt-get install -y --no-install-recommends curl");
  }

  @Test
  void shouldBuildTheJarTheComposeFileRuns() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

    assertThat(DeploymentArgs.dockerfile("ENTRYPOINT")).containsExactly("java", "-jar", "/opt/stepstream/stepstream.jar");
    assertThat(dockerfile).contains("./mvnw").contains("dist/target/stepstream.jar").contains("EXPOSE 8083");
    assertThat(Files.readString(ROOT.resolve("README.md"))).contains("docker compose up");
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
