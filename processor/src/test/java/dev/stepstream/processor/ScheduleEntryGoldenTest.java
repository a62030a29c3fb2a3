package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.wire.ScheduleRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code schedules} store's format 1, pinned by {@code golden/schedules-v1.json}. */
class ScheduleEntryGoldenTest {
  private static final ScheduleRecord NIGHTLY = new ScheduleRecord(1,
      "arn:aws:scheduler:us-east-1:123456789012:schedule/default/nightly", "nightly", "cron(0 2 * * ? *)",
      "Europe/Lisbon", ScheduleRecord.FLEXIBLE, 15, 1_764_000_000_000L, null,
      "arn:aws:states:us-east-1:123456789012:stateMachine:Nightly", "{\"at\":\"<aws.scheduler.scheduled-time>\"}",
      ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, 1_764_000_000_000L, 1_764_000_000_000L);

  @Test
  void shouldReadFormatOneFieldByField() throws IOException {
    ScheduleEntry entry = ScheduleEntry.decode(golden());

    assertThat(entry.schedule()).isEqualTo(NIGHTLY);
    assertThat(entry.nextScheduledAt()).isEqualTo(1_764_036_000_000L);
    assertThat(entry.lastScheduledAt()).isEqualTo(1_763_949_600_000L);
  }

  @Test
  void shouldWriteTheSameBytes() throws IOException {
    assertThat(new String(new ScheduleEntry(NIGHTLY, 1_764_036_000_000L, 1_763_949_600_000L).encode(),
        StandardCharsets.UTF_8)).isEqualTo(new String(golden(), StandardCharsets.UTF_8));
  }

  @Test
  void shouldLeaveOutFiringsThereAreNone() {
    ScheduleEntry entry = ScheduleEntry.decode(new ScheduleEntry(NIGHTLY, null, null).encode());

    assertThat(entry.nextScheduledAt()).isNull();
    assertThat(entry.lastScheduledAt()).isNull();
  }

  @Test
  void shouldRefuseAnUnknownFormat() {
    assertThatThrownBy(() -> ScheduleEntry.decode("{\"format\":2}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("schedule entry format 2 is not supported");
  }

  private static byte[] golden() throws IOException {
    try (InputStream in = ScheduleEntryGoldenTest.class.getResourceAsStream("/golden/schedules-v1.json")) {
      return in.readAllBytes();
    }
  }
}
