package dev.stepstream.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/** The example manifest under deploy/kubernetes agrees with the image and with serve's real options. */
class KubernetesManifestTest {
  private static final Path MANIFEST = DeploymentArgs.ROOT.resolve("deploy/kubernetes/stepstream.yaml");

  @Test
  void shouldRunServeWithOptionsTheCliKnows() throws IOException {
    JsonNode container = container();
    ParseResult serve = DeploymentArgs.parse(DeploymentArgs.texts(container.path("args")));

    assertThat(serve.commandSpec().name()).isEqualTo("serve");
    assertThat(serve.matchedOptionValue("--host", "")).isEqualTo("0.0.0.0");
    assertThat(serve.hasMatchedOption("--auth")).isFalse();
    assertThat(serve.matchedOptionValue("--kafka", "")).isEqualTo("$(KAFKA_BOOTSTRAP_SERVERS)");
    assertThat(serve.matchedOptionValue("--instance-id", "")).isEqualTo("$(POD_NAME)");
    assertThat(serve.matchedOptionValue("--port", 0)).isEqualTo(containerPort(container));
    assertThat(env(container)).contains("POD_NAME", "KAFKA_BOOTSTRAP_SERVERS", "STEPSTREAM_ACCESS_KEY_ID",
        "STEPSTREAM_SECRET_ACCESS_KEY");
  }

  @Test
  void shouldKeepTheStateDirectoryOnThePersistentVolume() throws IOException {
    JsonNode set = kind("StatefulSet");
    ParseResult serve = DeploymentArgs.parse(DeploymentArgs.texts(container().path("args")));

    String claim = set.path("spec").path("volumeClaimTemplates").path(0).path("metadata").path("name").asText();
    String mount = mountPath(container(), claim);
    assertThat(serve.matchedOptionValue("--state-dir", Path.of("")).toString()).startsWith(mount + "/");
  }

  @Test
  void shouldReadKafkaSettingsAndTokenKeysFromTheSecret() throws IOException {
    JsonNode spec = kind("StatefulSet").path("spec").path("template").path("spec");
    ParseResult serve = DeploymentArgs.parse(DeploymentArgs.texts(container().path("args")));

    assertThat(secretFile(spec, serve.matchedOptionValue("--kafka-config", Path.of("")))).isEqualTo("client.properties");
    assertThat(secretFile(spec, serve.matchedOptionValue("--token-keys", Path.of("")))).isEqualTo("token-keys");
  }

  @Test
  void shouldProbeTheHealthEndpointsOnTheApiPort() throws IOException {
    JsonNode container = container();

    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/live");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/ready");
    assertThat(container.path("readinessProbe").path("httpGet").path("port").asText())
        .isEqualTo(container.path("ports").path(0).path("name").asText());
    JsonNode service = kind("Service");
    assertThat(service.path("spec").path("ports").path(0).path("targetPort").asText()).isEqualTo("api");
    assertThat(kind("StatefulSet").path("spec").path("serviceName").asText()).isEqualTo("stepstream-peers");
  }

  private static JsonNode container() throws IOException {
    return kind("StatefulSet").path("spec").path("template").path("spec").path("containers").path(0);
  }

  private static int containerPort(JsonNode container) {
    return container.path("ports").path(0).path("containerPort").asInt();
  }

  private static List<String> env(JsonNode container) {
    List<String> names = new ArrayList<>();
    container.path("env").forEach(e -> names.add(e.path("name").asText()));
    return names;
  }

  private static String mountPath(JsonNode container, String volume) {
    return StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
        .filter(m -> m.path("name").asText().equals(volume)).findFirst()
        .orElseThrow(() -> new AssertionError("no mount of volume " + volume)).path("mountPath").asText();
  }

  /** The Secret key the pod sees at {@code file}, through a secret volume mounted at its parent. */
  private static String secretFile(JsonNode podSpec, Path file) throws IOException {
    JsonNode container = container();
    for (JsonNode mount : container.path("volumeMounts")) {
      if (file.getParent().toString().equals(mount.path("mountPath").asText())) {
        for (JsonNode volume : podSpec.path("volumes")) {
          if (volume.path("name").asText().equals(mount.path("name").asText())) {
            assertThat(volume.path("secret").path("secretName").asText()).isEqualTo("stepstream");
            for (JsonNode item : volume.path("secret").path("items")) {
              if (item.path("path").asText().equals(file.getFileName().toString())) {
                return item.path("key").asText();
              }
            }
          }
        }
      }
    }
    throw new AssertionError(file + " is not a file of a mounted secret");
  }

  private static JsonNode kind(String kind) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (var parser = yaml.getFactory().createParser(MANIFEST.toFile())) {
      for (JsonNode document : yaml.readValues(parser, JsonNode.class).readAll()) {
        if (document.path("kind").asText().equals(kind)) {
          return document;
        }
      }
    }
    throw new AssertionError("no " + kind + " in " + MANIFEST);
  }
}
