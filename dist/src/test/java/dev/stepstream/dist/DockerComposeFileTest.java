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
    assertThat(texts(stepstream.path("command"))).as("the API must listen beyond the container's loopback")
        .containsExactly("dev", "--kafka", "kafka:19092", "--api-host", "0.0.0.0");
    assertThat(stepstream.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
  }

  @Test
  void shouldBuildTheJarTheComposeFileRuns() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

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
