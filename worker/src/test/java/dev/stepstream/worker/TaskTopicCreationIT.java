package dev.stepstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TaskSucceeded;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/workers.md: a worker may start before its task topic exists (a task name computed per execution). */
@ExtendWith(KafkaClusterExtension.class)
class TaskTopicCreationIT {

  @Test
  void shouldCreateItsMissingTaskTopicAndAnswerTheFirstRequest(KafkaCluster kafka) throws Exception {
    try (TaskTopics topics = new TaskTopics(kafka, "Computed", 1, false);
        TaskWorker worker = topics.worker((input, ctx) -> "done").build().start();
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      Eventually.await(Duration.ofSeconds(20), () ->
          assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains(topics.taskTopic()));

      topics.send(topics.request("first", "{}"));

      assertThat(topics.readResults(1).get(0).value()).isInstanceOf(TaskSucceeded.class);
    }
  }
}
