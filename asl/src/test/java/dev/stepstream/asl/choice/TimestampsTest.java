package dev.stepstream.asl.choice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @ValueSource(strings = {"2016-08-18T17:33:00Z", "2016-03-14T01:59:00.123Z", "2016-03-14T01:59:00+01:00",
      "2016-03-14T01:59:00.123456789-05:30"})
  void shouldAcceptRfc3339TimestampsWithUppercaseSeparators(String text) {
    assertThat(Timestamps.isTimestamp(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2016-08-18t17:33:00Z", "2016-08-18T17:33:00z", "2016-08-18 17:33:00Z", "2016-08-18T17:33:00",
      "2016-13-18T17:33:00Z", "2016-02-30T17:33:00Z", "2016-08-18", "17:33:00Z", "", "2016-08-18T17:33Z"})
  void shouldRejectOtherShapes(String text) {
    assertThat(Timestamps.isTimestamp(text)).isFalse();
  }

  @Test
  void shouldNormaliseOffsetsToTheSameInstant() {
    assertThat(Timestamps.parse("2016-08-18T18:33:00+01:00")).contains(Instant.parse("2016-08-18T17:33:00Z"));
  }
}
