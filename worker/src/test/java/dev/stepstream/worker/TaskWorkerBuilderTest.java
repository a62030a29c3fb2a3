package dev.stepstream.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskWorkerBuilderTest {
  private static final TaskHandler ECHO = (input, ctx) -> input;

  @Test
  void shouldApplyTheDocumentedDefaults() {
    TaskWorker worker = TaskWorker.builder().task("ProcessarImagem").handler(ECHO).build();

    assertThat(worker.taskTopic()).isEqualTo("stepstream.tasks.ProcessarImagem");
    assertThat(worker.resultsTopic()).isEqualTo("stepstream.task-results");
    assertThat(worker.groupId()).isEqualTo("stepstream-worker-ProcessarImagem");
    assertThat(worker.workerName()).startsWith("ProcessarImagem-");
    assertThat(worker.concurrency()).isEqualTo(1);
  }

  @Test
  void shouldUseTheTopicPrefixForBothTopics() {
    TaskWorker worker = TaskWorker.builder().task("T").handler(ECHO).topicPrefix("dev.").build();

    assertThat(worker.taskTopic()).isEqualTo("dev.tasks.T");
    assertThat(worker.resultsTopic()).isEqualTo("dev.task-results");
  }

  @Test
  void shouldRefuseASecondTask() {
    TaskWorkerBuilder builder = TaskWorker.builder().task("A");

    assertThatThrownBy(() -> builder.task("B")).isInstanceOf(IllegalStateException.class).hasMessageContaining("'A'");
  }

  @Test
  void shouldRefuseASecondHandler() {
    TaskWorkerBuilder builder = TaskWorker.builder().handler(ECHO);

    assertThatThrownBy(() -> builder.handler(ECHO)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.lazyHandler((input, ctx) -> input)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already registered");
    assertThatThrownBy(() -> TaskWorker.builder().lazyHandler(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(TaskWorker.builder().task("L").lazyHandler((input, ctx) -> input).build().task()).isEqualTo("L");
  }

  @Test
  void shouldRefuseConfigurationOnceBuilt() {
    TaskWorkerBuilder builder = TaskWorker.builder().task("A").handler(ECHO);
    builder.build();

    assertThatThrownBy(() -> builder.concurrency(2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldRequireATaskAndAHandler() {
    assertThatThrownBy(() -> TaskWorker.builder().handler(ECHO).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no task");
    assertThatThrownBy(() -> TaskWorker.builder().task("A").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no handler");
  }

  @Test
  void shouldRefuseATaskNameThatCannotNameATopic() {
    assertThatThrownBy(() -> TaskWorker.builder().task("Processar Imagem"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Processar Imagem");
  }

  @Test
  void shouldRefuseAConcurrencyBelowOne() {
    assertThatThrownBy(() -> TaskWorker.builder().concurrency(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseANegativeCommitInterval() {
    assertThatThrownBy(() -> TaskWorker.builder().commitInterval(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commitInterval");
  }

  @Test
  void shouldRefuseToStartAClosedWorker() {
    TaskWorker worker = TaskWorker.builder().task("A").handler(ECHO).build();
    worker.close();

    assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void shouldRefuseAKafkaConfigFileThatDoesNotExistNamingIt() {
    Path missing = Path.of("no-such-client.properties");

    assertThatThrownBy(() -> TaskWorker.builder().kafkaConfig(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Kafka client config file no-such-client.properties does not exist");
  }
}
