package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class TriggerRecordTest {
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Orders";

  @Test
  void shouldDecodeATriggerWrittenBeforeConcurrencyLimitsAsUnlimited() throws IOException {
    byte[] stored;
    try (InputStream in = getClass().getResourceAsStream("/golden/trigger-v1.json")) {
      stored = in.readAllBytes();
    }

    TriggerRecord trigger = WireJson.decode(stored, TriggerRecord.class);

    assertThat(trigger.maxConcurrency()).isNull();
    assertThat(trigger.name()).isEqualTo("paid-orders");
    assertThat(trigger.nameTemplate()).isEqualTo("order-{partition}-{offset}");
    assertThat(trigger.startingPosition()).isEqualTo(TriggerRecord.EARLIEST);
  }

  @Test
  void shouldKeepTheConcurrencyLimitWhenPaused() {
    TriggerRecord limited = new TriggerRecord(1, "arn:aws:states:us-east-1:123456789012:trigger:t", "t", "orders",
        MACHINE, null, null, null, TriggerRecord.LATEST, null, TriggerRecord.ACTIVE, 1L, 1L, 5);

    TriggerRecord paused = limited.withState(TriggerRecord.PAUSED, 2L);

    assertThat(paused.maxConcurrency()).isEqualTo(5);
    assertThat(WireJson.decode(WireJson.encode(paused), TriggerRecord.class)).isEqualTo(paused);
  }

  @Test
  void shouldRefuseAConcurrencyLimitBelowOne() {
    assertThatThrownBy(() -> new TriggerRecord(1, "arn:aws:states:us-east-1:123456789012:trigger:t", "t", "orders",
        MACHINE, null, null, null, TriggerRecord.LATEST, null, TriggerRecord.ACTIVE, 1L, 1L, 0))
        .hasMessage("Trigger maxConcurrency must be at least 1 when present");
  }
}
