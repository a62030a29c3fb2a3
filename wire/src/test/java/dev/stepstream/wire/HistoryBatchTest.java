package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryBatchTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:M:run-\"1\"";

  private static HistoryEvent event(String arn, long id) {
    return new HistoryEvent(1, arn, id, id - 1, 100L + id, "PassStateEntered", null, null);
  }

  private static HistoryEvent detailed(long id) {
    return new HistoryEvent(1, ARN, id, id - 1, 100L + id, "PassStateExited", "stateExitedEventDetails",
        JsonNodeFactory.instance.objectNode().put("name", "Ünïcode \"quoted\"").put("output", "{\"a\":[1,2]}"));
  }

  @Test
  void shouldFlattenABatchIntoItsEventsInOrderWithTheBatchArn() {
    byte[] value = WireJson.encode(HistoryBatch.of(ARN, List.of(event(ARN, 3), detailed(4), event(ARN, 5))));

    assertThat(HistoryBatch.eventsOf(value)).containsExactly(event(ARN, 3), detailed(4), event(ARN, 5));
  }

  @Test
  void shouldReadASingleEventWrittenBeforeBatchesExisted() {
    byte[] value = WireJson.encode(event(ARN, 7));

    assertThat(HistoryBatch.eventsOf(value)).containsExactly(event(ARN, 7));
  }

  @Test
  void shouldWriteTheSameBytesAsTheRecordSerialiser() {
    List<HistoryEvent> events = List.of(event(ARN, 1), detailed(2), event(ARN, 3));

    assertThat(new String(HistoryBatchWriter.encode(ARN, events), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(WireJson.encodeToString(HistoryBatch.of(ARN, events)));
  }

  @Test
  void shouldWriteEveryKindOfDetailsValueAsTheTreeSerialiserDoes() {
    com.fasterxml.jackson.databind.node.ObjectNode details = JsonNodeFactory.instance.objectNode();
    String shared = "{\"a long text\":\"that two events share, as a state's output and the next input\"}";
    details.put("int", 7).put("long", 1L << 40).put("decimal", new java.math.BigDecimal("1.50"))
        .put("double", 0.1).put("true", true).putNull("null").put("shared", shared).put("again", shared);
    details.putArray("array").add(1).add("two").addNull().addObject().put("nested", false);
    details.put("big", new java.math.BigInteger("123456789012345678901234567890"));
    List<HistoryEvent> events = List.of(new HistoryEvent(1, ARN, 1, 0, 1L, "TaskSucceeded",
        "taskSucceededEventDetails", details), detailed(2));

    assertThat(new String(HistoryBatchWriter.encode(ARN, events), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(WireJson.encodeToString(HistoryBatch.of(ARN, events)));
  }

  @Test
  void shouldLeaveOutWhatTheBatchAlreadySaysFromEachEntry() {
    String json = new String(HistoryBatchWriter.encode(ARN, List.of(event(ARN, 1), event(ARN, 2))),
        java.nio.charset.StandardCharsets.UTF_8);

    assertThat(json).containsOnlyOnce("executionArn").containsOnlyOnce("\"type\"").containsOnlyOnce("version");
  }

  @Test
  void shouldRejectOtherRecordsOnTheHistoryTopicByName() {
    byte[] value = WireJson.encode(new Continue(1, ARN, 3L));

    assertThatThrownBy(() -> HistoryBatch.eventsOf(value))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("HistoryBatch or a HistoryEvent, not Continue");
  }

  @Test
  void shouldRejectAnEmptyBatchAndEventsOfAnotherExecution() {
    assertThatThrownBy(() -> HistoryBatch.of(ARN, List.of()))
        .hasMessageContaining("HistoryBatch.events must hold at least one event");
    assertThatThrownBy(() -> HistoryBatch.of(ARN, List.of(event(ARN + "x", 2))))
        .hasMessageContaining("event 2 belongs to " + ARN + "x");
  }
}
