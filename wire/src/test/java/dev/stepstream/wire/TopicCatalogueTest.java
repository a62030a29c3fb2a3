package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

  @Test
  void shouldResolveEveryDesignTopicAgainstThePrefix() {
    TopicCatalogue catalogue = TopicCatalogue.load("acme.");

    assertThat(catalogue.fixed()).extracting(TopicSpec::name)
        .containsExactly("definitions", "commands", "task-results", "history", "executions", "dead-letters",
            "events", "logs");
    assertThat(catalogue.commands()).isEqualTo("acme.commands");
    assertThat(catalogue.taskTopic("ProcessarImagem")).isEqualTo("acme.tasks.ProcessarImagem");
  }

  @Test
  void shouldCompactDefinitionsAndExecutionsAndDeleteTheRest() {
    TopicCatalogue catalogue = TopicCatalogue.load();

    assertThat(catalogue.spec("definitions").configs()).containsEntry("cleanup.policy", "compact");
    assertThat(catalogue.spec("executions").configs()).containsEntry("cleanup.policy", "compact");
    assertThat(catalogue.spec("commands").configs()).containsEntry("cleanup.policy", "delete");
    assertThat(catalogue.spec("definitions").partitionsOr(6)).isEqualTo(1);
    assertThat(catalogue.spec("commands").partitionsOr(6)).isEqualTo(6);
  }

  @Test
  void shouldNameAValueSchemaThatExistsForEveryTopic() {
    for (TopicSpec spec : TopicCatalogue.load().all()) {
      String file = "/stepstream/schemas/" + WireSchemaTest.fileName(spec.value());
      assertThat(getClass().getResource(file)).as("%s -> %s", spec.name(), file).isNotNull();
    }
  }

  @Test
  void shouldFailClearlyForATopicNotInTheCatalogue() {
    assertThatThrownBy(() -> TopicCatalogue.load().topic("nope")).hasMessage("no topic 'nope' in the catalogue");
  }

  @Test
  void shouldCreateTaskTopicsUncompressedOnlyWhenAsked() {
    assertThat(TopicCatalogue.load().taskTopicConfigs()).doesNotContainKey("compression.type");
    assertThat(TopicCatalogue.load().withTaskTopicCompression("producer").taskTopicConfigs())
        .doesNotContainKey("compression.type");
    assertThat(TopicCatalogue.load().withTaskTopicCompression("uncompressed").taskTopicConfigs())
        .containsEntry("compression.type", "uncompressed").containsEntry("cleanup.policy", "delete");
  }

  @Test
  void shouldRefuseAnUnknownTaskTopicCompression() {
    assertThatThrownBy(() -> TopicCatalogue.load().withTaskTopicCompression("brotli"))
        .hasMessage("task topic compression must be one of [producer, uncompressed, gzip, snappy, lz4, zstd] but was 'brotli'");
  }
}
