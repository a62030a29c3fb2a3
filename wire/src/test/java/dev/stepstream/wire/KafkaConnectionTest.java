package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConnectionTest {
  @TempDir Path dir;

  @Test
  void shouldApplyTheServersAndEverySettingOfTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("client.properties"), """
        # SASL over TLS
        security.protocol=SASL_SSL
        sasl.mechanism=PLAIN
        sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
          username="engine" password="s3cret";
        ssl.truststore.location=/etc/kafka/truststore.jks
        """);

    KafkaConnection kafka = KafkaConnection.load("broker:9093", file);
    Map<String, Object> config = new HashMap<>(Map.of("acks", "all"));
    kafka.applyTo(config);
    Properties props = new Properties();
    kafka.applyTo(props);

    assertThat(config).containsEntry("bootstrap.servers", "broker:9093").containsEntry("acks", "all")
        .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks")
        .containsEntry("sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"engine\" password=\"s3cret\";");
    assertThat(props).containsAllEntriesOf(kafka.clientProperties()).containsEntry("bootstrap.servers", "broker:9093");
  }

  @Test
  void shouldConnectWithoutSettingsWhenThereIsNoFile() {
    assertThat(KafkaConnection.load("localhost:9092", null).clientProperties()).isEmpty();
  }

  @Test
  void shouldNameAFileThatDoesNotExist() {
    Path missing = dir.resolve("nope.properties");

    assertThatThrownBy(() -> KafkaConnection.load("localhost:9092", missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Kafka client config file " + missing + " does not exist");
  }

  @Test
  void shouldNameAFileThatDoesNotParse() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.properties"), "sasl.jaas.config=\\u12");

    assertThatThrownBy(() -> KafkaConnection.load("localhost:9092", broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Kafka client config file " + broken + " cannot be read");
  }

  @Test
  void shouldRefuseServersInTheFileSoThatOnlyOneOptionNamesThem() throws Exception {
    Path file = Files.writeString(dir.resolve("servers.properties"), "bootstrap.servers=elsewhere:9092\n");

    assertThatThrownBy(() -> KafkaConnection.load("localhost:9092", file))
        .hasMessageContaining("must not set bootstrap.servers");
  }

  @Test
  void shouldNotShowSecretsWhenPrinted() {
    KafkaConnection kafka = new KafkaConnection("broker:9093", Map.of("sasl.jaas.config", "password=\"s3cret\""));

    assertThat(kafka.toString()).contains("broker:9093", "sasl.jaas.config").doesNotContain("s3cret");
  }
}
