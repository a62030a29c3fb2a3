package dev.stepstream.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.task.MapRunTasks;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalIntegrationsTest {
  private static final Clock START = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String READER_MAP = """
      {"StartAt":"M","States":{"M":{"Type":"Map",
        "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"in","Key":"k.json"}},
        "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
          "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";

  @Test
  void shouldFailTheMapRunWithItemReaderFailedWhenNothingServesTheReader() {
    RunResult result = new LocalRunner(EngineOptions.defaults(), Mocks.none(), START, 1L).run(READER_MAP, "{}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(result.cause()).isEqualTo("This local run has no object store to serve the ItemReader of Map state"
        + " 'M' (resource arn:aws:states:::s3:getObject).");
  }

  @Test
  void shouldRunTheItemsTheIntegrationsRead() {
    List<String> served = new ArrayList<>();
    LocalIntegrations reader = request -> {
      served.add(request.taskName());
      return new TaskSucceeded(WireVersions.CURRENT, request.executionArn(), request.taskToken(),
          WireJson.mapper().createObjectNode().set("Items", WireJson.mapper().createArrayNode().add(1).add(2)));
    };
    RunResult result = new LocalRunner(EngineOptions.defaults(), Mocks.none(), reader, START, 1L).run(READER_MAP, "{}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().toString()).isEqualTo("[1,2]");
    assertThat(served).containsExactly(MapRunTasks.ITEM_READER);
  }
}
