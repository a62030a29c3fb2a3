package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.HistoryEvent;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
  private static final String PASS_TWICE = """
      {"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Next": "B"},
        "B": {"Type": "Pass", "End": true}}}
      """;

  @TempDir Path stateDir;
  private TopologyHarness harness;

  @BeforeEach
  void startDriver() {
    harness = new TopologyHarness(stateDir);
  }

  @AfterEach
  void closeDriver() {
    harness.close();
  }

  @Test
  void shouldKeepEveryForwardedEventInIdOrderPerExecution() {
    harness.define(PASS_TWICE);
    String first = harness.start("run-1", JsonNodeFactory.instance.objectNode());
    String second = harness.start("run-10", JsonNodeFactory.instance.objectNode());
    List<HistoryEvent> forwarded = harness.history();

    List<HistoryEvent> stored = HistoryStore.range(store(), first, 1, Long.MAX_VALUE, false, 1000);

    assertThat(stored).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(stored).extracting(HistoryEvent::eventType)
        .containsExactlyElementsOf(forwarded.stream().filter(e -> e.executionArn().equals(first))
            .map(HistoryEvent::eventType).toList());
    assertThat(HistoryStore.range(store(), second, 1, Long.MAX_VALUE, false, 1000)).hasSize(6)
        .allSatisfy(e -> assertThat(e.executionArn()).isEqualTo(second));
  }

  @Test
  void shouldReturnABoundedRangeForwardOrReversed() {
    harness.define(PASS_TWICE);
    String arn = harness.start("run-1", JsonNodeFactory.instance.objectNode());

    assertThat(HistoryStore.range(store(), arn, 3, 5, false, 10)).extracting(HistoryEvent::id)
        .containsExactly(3L, 4L, 5L);
    assertThat(HistoryStore.range(store(), arn, 1, 6, true, 2)).extracting(HistoryEvent::id)
        .containsExactly(6L, 5L);
    assertThat(HistoryStore.range(store(), arn + "x", 1, 6, false, 10)).isEmpty();
  }

  private KeyValueStore<String, byte[]> store() {
    return harness.driver.getKeyValueStore(HistoryStore.STORE);
  }
}
