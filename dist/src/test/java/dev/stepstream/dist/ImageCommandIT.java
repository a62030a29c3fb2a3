package dev.stepstream.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.server.api.auth.AccessKey;
import dev.stepstream.server.api.auth.Permission;
import dev.stepstream.server.api.auth.SigV4Signer;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container's command line, run without Docker: the Dockerfile's ENTRYPOINT and CMD on the
 * launcher jar, with only the Kafka address and the volume's path replaced (and a free port and
 * own topic prefix added, so it cannot meet other tests). Called from a non-loopback address of
 * this machine, as the published port would be.
 */
@ExtendWith(KafkaClusterExtension.class)
class ImageCommandIT {
  private static final AccessKey KEY = new AccessKey("SSAKIMAGECOMMANDTEST", "image-command-secret", Permission.OPERATOR);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void shouldAnswerASignedCallFromAnotherAddressOfThisMachine(KafkaCluster kafka, @TempDir Path dir) throws Exception {
    InetAddress address = nonLoopbackAddress();
    int port = freePort();
    Path log = dir.resolve("serve.log");
    ProcessBuilder image = new ProcessBuilder(command(kafka.bootstrapServers(), dir.resolve("volume"), port))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    image.environment().put("STEPSTREAM_ACCESS_KEY_ID", KEY.id());
    image.environment().put("STEPSTREAM_SECRET_ACCESS_KEY", KEY.secret());
    Process serve = image.start();
    try {
      URI base = URI.create("http://" + address.getHostAddress() + ":" + port);
      Eventually.await(Duration.ofSeconds(150), () -> assertThat(status(get(base.resolve("/health/ready"))))
          .as("readiness; serve's output: %s", tail(log)).isEqualTo(200));

      HttpResponse<String> unsigned = call(base, Optional.empty());
      HttpResponse<String> signed = call(base, Optional.of(KEY));

      assertThat(unsigned.statusCode()).isNotEqualTo(200);
      assertThat(unsigned.body()).contains("MissingAuthenticationToken");
      assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
      assertThat(signed.body()).contains("stateMachines");
      assertThat(Files.exists(dir.resolve("volume/state"))).as("state on the volume").isTrue();
      assertThat(Files.exists(dir.resolve("volume/access-keys"))).as("the environment's key needs no file").isFalse();
    } finally {
      serve.destroy();
      if (!serve.waitFor(60, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
  }

  private static List<String> command(String bootstrap, Path volume, int port) throws Exception {
    List<String> command = new ArrayList<>();
    for (String arg : DeploymentArgs.dockerfile("ENTRYPOINT")) {
      command.add(switch (arg) {
        case "java" -> Path.of(System.getProperty("java.home"), "bin", "java").toString();
        case "/opt/stepstream/stepstream.jar" -> Path.of("target", "stepstream.jar").toAbsolutePath().toString();
        default -> arg;
      });
    }
    for (String arg : DeploymentArgs.dockerfile("CMD")) {
      command.add(arg.equals("kafka:19092") ? bootstrap : arg.replace("/var/lib/stepstream", volume.toString()));
    }
    command.addAll(List.of("--port", String.valueOf(port), "--topic-prefix", "imagecmd.", "--application-id", "imagecmd"));
    return command;
  }

  private static HttpResponse<String> call(URI base, Optional<AccessKey> key) throws Exception {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = Map.of("Content-Type", "application/x-amz-json-1.0",
        "X-Amz-Target", "AWSStepFunctions.ListStateMachines");
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/")).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    key.ifPresent(k -> SigV4Signer.sign(k, "us-east-1", Instant.now(), base.getHost() + ":" + base.getPort(), "/",
        headers, body).forEach(request::header));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<HttpResponse<String>> get(URI uri) {
    try {
      return Optional.of(HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()));
    } catch (Exception notYet) {
      return Optional.empty();
    }
  }

  private static int status(Optional<HttpResponse<String>> response) {
    return response.map(HttpResponse::statusCode).orElse(-1);
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - 2000));
    } catch (Exception e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private static InetAddress nonLoopbackAddress() throws SocketException {
    Optional<InetAddress> found = NetworkInterface.networkInterfaces()
        .filter(ImageCommandIT::isUp)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
    Assumptions.assumeTrue(found.isPresent(), "this machine has no non-loopback IPv4 address");
    return found.get();
  }

  private static boolean isUp(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
