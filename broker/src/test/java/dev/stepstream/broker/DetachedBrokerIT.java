package dev.stepstream.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetachedBrokerIT {
  private static final Duration READY = Duration.ofSeconds(120);

  @Test
  void shouldOutliveItsStarterAndBeReusedByTheNextStart(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("kafka");
    DetachedBroker first = DetachedBroker.startOrReuse(0, data, dir.resolve("kafka.log"), READY);
    createTopic(first.bootstrapServers(), "kept");
    // The starter "crashes": it never closes the broker.

    DetachedBroker second = DetachedBroker.startOrReuse(0, data, dir.resolve("kafka.log"), READY);
    try {
      assertThat(first.reused()).isFalse();
      assertThat(second.reused()).isTrue();
      assertThat(second.pid()).isEqualTo(first.pid());
      assertThat(topics(second.bootstrapServers())).contains("kept");
    } finally {
      second.close();
    }
    assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    assertThat(DetachedBroker.stateFile(data)).doesNotExist();
    assertThat(data.resolve(BrokerDaemon.CLEAN_SHUTDOWN_MARKER)).exists();
  }

  @Test
  void shouldStartANewBrokerAndCheckForHangingTransactionsAfterTheOldOneWasKilled(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("kafka");
    Path log = dir.resolve("kafka.log");
    DetachedBroker killed = DetachedBroker.startOrReuse(0, data, log, READY);
    createTopic(killed.bootstrapServers(), "kept");
    ProcessHandle handle = ProcessHandle.of(killed.pid()).orElseThrow();
    handle.destroyForcibly();
    handle.onExit().get(30, TimeUnit.SECONDS);

    try (DetachedBroker restarted = DetachedBroker.startOrReuse(0, data, log, READY)) {
      assertThat(restarted.reused()).isFalse();
      assertThat(restarted.pid()).isNotEqualTo(killed.pid());
      assertThat(topics(restarted.bootstrapServers())).contains("kept");
      assertThat(Files.readString(log)).contains("did not shut down cleanly", "hanging transaction(s)");
    }
  }

  @Test
  void shouldSayWhyWhenTheBrokerProcessExitsBeforeItIsReady(@TempDir Path dir) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("kafka"), "a file where the data directory should be");

    assertThatThrownBy(() -> DetachedBroker.startOrReuse(0, notADirectory, dir.resolve("kafka.log"), READY))
        .isInstanceOf(BrokerStartException.class)
        .hasMessageContaining("exited with status 1 before it was ready")
        .hasMessageContaining("it ends with:")
        .hasMessageContaining("stepstream broker: failed to start: cannot prepare the Kafka data directory");
  }

  private static void createTopic(String bootstrap, String name) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static java.util.Set<String> topics(String bootstrap) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    }
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }
}
