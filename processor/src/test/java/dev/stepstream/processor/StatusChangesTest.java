package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.Effect;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusChangesTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:M:e";

  private static ExecutionSummary summary(ExecutionStatus status, Long stop, int redrives) {
    return new ExecutionSummary(1, ARN, "arn:aws:states:us-east-1:123456789012:stateMachine:M", "e", status, 100L,
        stop, JsonNodeFactory.instance.objectNode(), null, null, null, redrives);
  }

  @Test
  void shouldTimeTheRunningEventAtTheStartAndTheFinalOneAtTheStop() {
    List<StatusChanges.Entered> entered =
        StatusChanges.entered(null, summary(ExecutionStatus.TIMED_OUT, 900L, 0), 1_000L);

    assertThat(entered).extracting(e -> e.summary().status())
        .containsExactly(ExecutionStatus.RUNNING, ExecutionStatus.TIMED_OUT);
    assertThat(entered).extracting(StatusChanges.Entered::timeMillis).containsExactly(100L, 900L);
  }

  @Test
  void shouldWriteNothingForADecisionWithoutASummary() {
    RecordingSink sink = new RecordingSink();

    new StatusChanges(sink).write(null, List.of(new Effect.ContinueLater(1L)), 5L);

    assertThat(sink.sent).isEmpty();
  }

  @Test
  void shouldResendTheRecordedStatusForADuplicateUnderAtLeastOnce() {
    RecordingSink sink = new RecordingSink();
    Outputs recorded = Outputs.fromBytes(Outputs.of(ARN, List.of(),
        List.of(new Effect.PublishSummary(summary(ExecutionStatus.SUCCEEDED, 700L, 0)))).toBytes(1_000));

    new StatusChanges(sink).replay(recorded, 5L);

    assertThat(sink.to("EVENTS")).singleElement().satisfies(sent -> {
      assertThat(sent.key()).isEqualTo(ARN);
      assertThat(sent.timestamp()).isEqualTo(700L);
      assertThat(WireJson.mapper().readTree(sent.value()).path("detail").path("status").asText()).isEqualTo("SUCCEEDED");
    });
  }
}
