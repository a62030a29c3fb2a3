package dev.stepstream.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

  @Test
  void shouldKeepTopicsWhenRestartedOnTheSameDataDirectory(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("kafka");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerConfig.persistent(0, data, false))) {
      try (Admin admin = admin(broker)) {
        admin.createTopics(List.of(new NewTopic("survivor", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
    }

    try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(EmbeddedBrokerConfig.persistent(0, data, false))) {
      try (Admin admin = admin(again)) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("survivor");
      }
    }
    assertThat(Files.exists(data.resolve("meta.properties"))).isTrue();
  }

  @Test
  void shouldStartEmptyWhenAskedForAFreshDataDirectory(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("kafka");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerConfig.persistent(0, data, false));
        Admin admin = admin(broker)) {
      admin.createTopics(List.of(new NewTopic("old", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerConfig.persistent(0, data, true));
        Admin admin = admin(broker)) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("old");
    }
  }

  @Test
  void shouldNameThePortWhenItIsAlreadyInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(EmbeddedBrokerConfig.persistent(port, null, false)))
          .isInstanceOf(BrokerStartException.class)
          .hasMessageContaining("port " + port + " is already in use");
    }
  }

  private static Admin admin(EmbeddedKafkaBroker broker) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }
}
