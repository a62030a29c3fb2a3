package dev.stepstream.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.HistoryBatch;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireJson;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class HistoryStoreTest extends TopologyTestCase {
  private static final String PASS_TWICE = """
      {"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Next": "B"},
        "B": {"Type": "Pass", "End": true}}}
      """;

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

  @Test
  void shouldStoreTheEventsOfOneApplyAsOneRecord() {
    harness.define(PASS_TWICE);
    String arn = harness.start("run-1", JsonNodeFactory.instance.objectNode());

    assertThat(HistoryStore.range(store(), arn, 1, Long.MAX_VALUE, false, 1000)).hasSize(6);
    assertThat(storedKeys()).isEqualTo(1);
  }

  @Test
  void shouldForwardOneHistoryBatchPerApplyWithTheStoredBytes() {
    harness.define(PASS_TWICE);
    String arn = harness.start("run-1", JsonNodeFactory.instance.objectNode());

    List<byte[]> records = harness.historyRecords();
    assertThat(records).singleElement()
        .satisfies(value -> assertThat(value).isEqualTo(store().get(HistoryStore.key(arn, 1))));
    assertThat(HistoryBatch.eventsOf(records.get(0))).extracting(HistoryEvent::id)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void shouldSplitLargeAppliesIntoChunksAndPageAcrossThem() {
    String arn = HARNESS_ARN;
    List<HistoryEvent> events = events(arn, 1, 10, HistoryStore.CHUNK_BYTES / 4);
    HistoryStore.chunks(arn, events).forEach(chunk -> HistoryStore.put(store(), chunk));

    assertThat(storedKeys()).isEqualTo(4);
    assertThat(HistoryStore.range(store(), arn, 1, Long.MAX_VALUE, false, 100)).extracting(HistoryEvent::id)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(HistoryStore.range(store(), arn, 3, 8, false, 100)).extracting(HistoryEvent::id)
        .containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(HistoryStore.range(store(), arn, 5, 100, false, 3)).extracting(HistoryEvent::id)
        .containsExactly(5L, 6L, 7L);
    assertThat(HistoryStore.range(store(), arn, 2, 9, true, 5)).extracting(HistoryEvent::id)
        .containsExactly(9L, 8L, 7L, 6L, 5L);
    assertThat(HistoryStore.range(store(), arn, 4, 5, true, 100)).extracting(HistoryEvent::id)
        .containsExactly(5L, 4L);
    assertThat(HistoryStore.range(store(), arn, 11, 20, false, 100)).isEmpty();
  }

  @Test
  void shouldReadEventsStoredInTheEarlierLayoutsAlongsideBatches() {
    String arn = HARNESS_ARN;
    List<HistoryEvent> older = events(arn, 1, 3, 10);
    older.forEach(e -> store().put(HistoryStore.key(arn, e.id()), WireJson.encode(e)));
    List<HistoryEvent> arrayChunk = events(arn, 4, 5, 10);
    store().put(HistoryStore.key(arn, 4), ("[" + new String(WireJson.encode(arrayChunk.get(0)), UTF_8) + ","
        + new String(WireJson.encode(arrayChunk.get(1)), UTF_8) + "]").getBytes(UTF_8));
    List<HistoryEvent> newer = events(arn, 6, 8, 10);
    HistoryStore.chunks(arn, newer).forEach(chunk -> HistoryStore.put(store(), chunk));

    assertThat(HistoryStore.range(store(), arn, 2, 7, false, 100)).extracting(HistoryEvent::id)
        .containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(HistoryStore.range(store(), arn, 1, 8, true, 100)).extracting(HistoryEvent::id)
        .containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    HistoryStore.deleteAll(store(), arn);
    assertThat(storedKeys()).isZero();
  }

  private static final String HARNESS_ARN = "arn:aws:states:us-east-1:123456789012:execution:Test:big";

  private static List<HistoryEvent> events(String arn, long firstId, long lastId, int detailChars) {
    return LongStream.rangeClosed(firstId, lastId).mapToObj(id -> new HistoryEvent(1, arn, id, id - 1, 0L,
        "PassStateEntered", "stateEnteredEventDetails",
        JsonNodeFactory.instance.objectNode().put("input", "x".repeat(detailChars)))).toList();
  }

  private long storedKeys() {
    long count = 0;
    try (KeyValueIterator<String, byte[]> it = store().all()) {
      while (it.hasNext()) {
        it.next();
        count++;
      }
    }
    return count;
  }

  private KeyValueStore<String, byte[]> store() {
    return harness.driver.getKeyValueStore(HistoryStore.STORE);
  }
}
