package dev.stepstream.processor.integrations;

import static dev.stepstream.processor.integrations.Calls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.task.MapRunTasks;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TopicCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Distributed Map's reader and writer tasks as the runner serves them, without Kafka. */
class MapRunIntegrationsTest {
  static final String RUN = "arn:aws:states:eu-west-1:123456789012:mapRun:Orders/M:11111111-2222-4333-8444-555555555555";

  @TempDir
  Path root;

  private BuiltInIntegrations integrations(int maxItemBytes) {
    return new BuiltInIntegrations(new TopicRouter(IntegrationSettings.defaults("stepstream."), TopicCatalogue.load()),
        HttpSettings.defaults(), new MapRunSettings(root, maxItemBytes), null);
  }

  private static Outcome run(BuiltInIntegrations integrations, String taskName, String resource, String input) {
    TaskRequest request = new TaskRequest(1, Calls.EXECUTION, "token-1", resource, taskName, "M", json(input), 1,
        null, null, json("{}"), Calls.NOW);
    Plan plan = integrations.plan(request, Calls.NOW, () -> "id", topic -> true);
    return plan.outcomeOf(List.of());
  }

  @Test
  void shouldServeTheReaderAndWriterTaskNames() {
    assertThat(integrations(1000).taskNames()).contains(MapRunTasks.ITEM_READER, MapRunTasks.RESULT_WRITER);
  }

  @Test
  void shouldReadAJsonLinesObjectOfTheStore() throws Exception {
    Files.createDirectories(root.resolve("in"));
    Files.writeString(root.resolve("in/items.jsonl"), "{\"n\":1}\n{\"n\":2}\n");
    Outcome outcome = run(integrations(1000), MapRunTasks.ITEM_READER, "arn:aws:states:::s3:getObject", """
        {"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},
          "Parameters":{"Bucket":"in","Key":"items.jsonl"}},"MapRunArn":"%s"}""".formatted(RUN));
    assertThat(outcome).isEqualTo(new Outcome.Succeeded(json("{\"Items\":[{\"n\":1},{\"n\":2}]}")));
  }

  @Test
  void shouldFailWithItemReaderFailedWhenTheKeyIsMissingOrTheItemsTooLarge() throws Exception {
    String input = """
        {"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"in","Key":"%s"}}}""";
    assertThat(run(integrations(1000), MapRunTasks.ITEM_READER, "r", input.formatted("none.json")))
        .isEqualTo(new Outcome.Failed("States.ItemReaderFailed", "The specified key does not exist: in/none.json"));

    Files.createDirectories(root.resolve("in"));
    Files.writeString(root.resolve("in/big.json"), "[\"aaaaaaaaaa\",\"bbbbbbbbbb\"]");
    Outcome tooLarge = run(integrations(10), MapRunTasks.ITEM_READER, "r", input.formatted("big.json"));
    assertThat(tooLarge).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
      assertThat(f.error()).isEqualTo("States.ItemReaderFailed");
      assertThat(f.cause()).contains("2 items read take 27 bytes");
    });
  }

  @Test
  void shouldWriteTheManifestAndAnswerWithResultWriterDetails() throws Exception {
    Outcome outcome = run(integrations(1000), MapRunTasks.RESULT_WRITER, "arn:aws:states:::s3:putObject", """
        {"ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"jobs"}},
         "MapRunArn":"%s","Results":[{"Index":0,"Status":"SUCCEEDED","Output":1}]}""".formatted(RUN));
    String key = "jobs/11111111-2222-4333-8444-555555555555/manifest.json";
    assertThat(outcome).isEqualTo(new Outcome.Succeeded(
        json("{\"ResultWriterDetails\":{\"Bucket\":\"out\",\"Key\":\"" + key + "\"}}")));
    JsonNode manifest = json(Files.readString(root.resolve("out").resolve(key)));
    assertThat(manifest.get("MapRunArn").asText()).isEqualTo(RUN);
  }

  @Test
  void shouldRefuseAnUnknownWriterResourceWithResultWriterFailed() {
    Outcome outcome = run(integrations(1000), MapRunTasks.RESULT_WRITER, "x", """
        {"ResultWriter":{"Resource":"arn:aws:states:::dynamodb:putItem"},"MapRunArn":"%s","Results":[]}""".formatted(RUN));
    assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class,
        f -> assertThat(f.error()).isEqualTo("States.ResultWriterFailed"));
  }
}
