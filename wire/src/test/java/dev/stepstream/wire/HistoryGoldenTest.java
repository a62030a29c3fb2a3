package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every layout of a {@code history} topic value ever written still reads, field by field, from
 * committed bytes ({@code src/test/resources/golden}); the current one encodes to the same bytes.
 * Never edit a fixture: add one for a new version.
 */
class HistoryGoldenTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Golden:run-1";

  @Test
  void shouldReadAHistoryBatchOfVersionOne() {
    List<HistoryEvent> events = HistoryBatch.eventsOf(fixture("history-batch-v1.json"));

    assertThat(events).hasSize(2).allSatisfy(e -> {
      assertThat(e.version()).isEqualTo(1);
      assertThat(e.executionArn()).isEqualTo(ARN);
    });
    HistoryEvent entered = events.get(0);
    assertThat(entered.id()).isEqualTo(4);
    assertThat(entered.previousEventId()).isEqualTo(3);
    assertThat(entered.timestamp()).isEqualTo(1_764_547_200_000L);
    assertThat(entered.eventType()).isEqualTo("TaskStateEntered");
    assertThat(entered.detailsName()).isEqualTo("stateEnteredEventDetails");
    assertThat(entered.details().path("name").asText()).isEqualTo("Work");
    assertThat(entered.details().path("input").asText()).isEqualTo("{\"n\":1,\"s\":\"\u00e9\u2603\"}");
    assertThat(entered.details().path("inputDetails").path("truncated").isBoolean()).isTrue();
    assertThat(entered.details().path("tags")).hasSize(3);
    assertThat(entered.details().path("tags").get(1).isNull()).isTrue();
    HistoryEvent scheduled = events.get(1);
    assertThat(scheduled.id()).isEqualTo(5);
    assertThat(scheduled.previousEventId()).isEqualTo(4);
    assertThat(scheduled.timestamp()).isEqualTo(1_764_547_200_001L);
    assertThat(scheduled.eventType()).isEqualTo("TaskScheduled");
    assertThat(scheduled.detailsName()).isNull();
    assertThat(scheduled.details()).isNull();
  }

  @Test
  void shouldEncodeTheVersionOneBatchToTheSameBytes() {
    byte[] golden = fixture("history-batch-v1.json");
    List<HistoryEvent> events = HistoryBatch.eventsOf(golden);

    assertThat(HistoryBatchWriter.encode(ARN, events)).isEqualTo(golden);
    assertThat(WireJson.encode(HistoryBatch.of(ARN, events))).isEqualTo(golden);
  }

  @Test
  void shouldReadASingleHistoryEventWrittenBeforeBatches() {
    byte[] golden = fixture("history-event-v1.json");

    List<HistoryEvent> events = HistoryBatch.eventsOf(golden);

    assertThat(events).hasSize(1);
    HistoryEvent e = events.get(0);
    assertThat(e.version()).isEqualTo(1);
    assertThat(e.executionArn()).isEqualTo(ARN);
    assertThat(e.id()).isEqualTo(7);
    assertThat(e.previousEventId()).isEqualTo(6);
    assertThat(e.timestamp()).isEqualTo(1_764_547_200_007L);
    assertThat(e.eventType()).isEqualTo("PassStateExited");
    assertThat(e.detailsName()).isEqualTo("stateExitedEventDetails");
    assertThat(e.details().path("output").asText()).isEqualTo("{}");
    assertThat(WireJson.encode(e)).isEqualTo(golden);
  }

  private static byte[] fixture(String name) {
    try (InputStream in = HistoryGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("fixture golden/%s", name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
