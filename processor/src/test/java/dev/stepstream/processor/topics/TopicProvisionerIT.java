package dev.stepstream.processor.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.wire.TopicCatalogue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import dev.stepstream.broker.FreePorts;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaClusterExtension.class)
class TopicProvisionerIT {
  private KafkaCluster broker;

  @BeforeEach
  void useSharedCluster(KafkaCluster kafka) {
    broker = kafka;
  }

  @Test
  void shouldCreateEveryCatalogueTopicWithItsPartitionsAndCleanupPolicy() throws Exception {
    TopicCatalogue catalogue = TopicCatalogue.load("p1.");
    try (TopicProvisioner provisioner = new TopicProvisioner(broker.bootstrapServers(), catalogue, 4, (short) 1)) {
      List<String> created = provisioner.ensureCatalogueTopics();

      assertThat(created).containsExactly("p1.definitions", "p1.commands", "p1.task-results", "p1.history",
          "p1.executions", "p1.dead-letters", "p1.events", "p1.logs");
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(List.of("p1.definitions", "p1.commands")).allTopicNames().get(30, TimeUnit.SECONDS);
      assertThat(topics.get("p1.definitions").partitions()).hasSize(1);
      assertThat(topics.get("p1.commands").partitions()).hasSize(4);
      ConfigResource definitions = new ConfigResource(ConfigResource.Type.TOPIC, "p1.definitions");
      String policy = admin.describeConfigs(List.of(definitions)).all().get(30, TimeUnit.SECONDS)
          .get(definitions).get("cleanup.policy").value();
      assertThat(policy).isEqualTo("compact");
    }
  }

  @Test
  void shouldCreateTaskTopicsWithTheCompressionAskedFor() throws Exception {
    TopicCatalogue catalogue = TopicCatalogue.load("p3.").withTaskTopicCompression("uncompressed");
    try (TopicProvisioner provisioner = new TopicProvisioner(broker.bootstrapServers(), catalogue, 2, (short) 1)) {
      provisioner.ensureTaskTopics(List.of("Node"));
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      ConfigResource task = new ConfigResource(ConfigResource.Type.TOPIC, "p3.tasks.Node");
      assertThat(admin.describeConfigs(List.of(task)).all().get(30, TimeUnit.SECONDS).get(task)
          .get("compression.type").value()).isEqualTo("uncompressed");
    }
  }

  @Test
  void shouldLeaveExistingTopicsAloneWhenRunTwice() {
    TopicCatalogue catalogue = TopicCatalogue.load("p2.");
    try (TopicProvisioner provisioner = new TopicProvisioner(broker.bootstrapServers(), catalogue, 2, (short) 1)) {
      provisioner.ensureCatalogueTopics();
      provisioner.ensureTaskTopics(List.of("SalvarImagem"));

      provisioner.ensureCatalogueTopics();
      provisioner.ensureTaskTopics(List.of("SalvarImagem"));

      assertThat(provisioner.existingTopics()).contains("p2.commands", "p2.tasks.SalvarImagem");
    }
  }

  @Test
  void shouldNameTheAddressWhenKafkaIsUnreachable() {
    int closedPort = FreePorts.pick();
    try (TopicProvisioner provisioner =
        new TopicProvisioner("localhost:" + closedPort, TopicCatalogue.load(), 1, (short) 1)) {
      assertThatThrownBy(() -> provisioner.awaitReachable(Duration.ofSeconds(3)))
          .isInstanceOf(KafkaUnreachableException.class)
          .hasMessageStartingWith("cannot reach Kafka at localhost:" + closedPort + " within 3 s");
    }
  }
}
