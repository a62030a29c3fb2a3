package dev.stepstream.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContextObjectIsoTimeTest {
  private static final DateTimeFormatter AWS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void shouldWriteMillisecondsAndZAsAwsDoes() {
    assertThat(ContextObject.isoTime(Instant.parse("2026-01-02T03:04:05.006Z").toEpochMilli()))
        .isEqualTo("2026-01-02T03:04:05.006Z");
    assertThat(ContextObject.isoTime(0)).isEqualTo("1970-01-01T00:00:00.000Z");
  }

  @Test
  void shouldMatchTheFormatterForAnyInstantIncludingYearsBeyondFourDigits() {
    SplittableRandom random = new SplittableRandom(3);
    long[] edges = {-1L, -62_135_596_800_000L, 253_402_300_799_999L, 253_402_300_800_000L, 1_000L, 999L};
    for (long millis : edges) {
      assertThat(ContextObject.isoTime(millis)).isEqualTo(AWS.format(Instant.ofEpochMilli(millis)));
    }
    for (int i = 0; i < 10_000; i++) {
      long millis = random.nextLong(-30_000_000_000_000L, 300_000_000_000_000L);
      assertThat(ContextObject.isoTime(millis)).isEqualTo(AWS.format(Instant.ofEpochMilli(millis)));
    }
  }
}
