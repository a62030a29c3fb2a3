package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireJsonTest {

  @Test
  void shouldRejectJsonNullInsteadOfReturningNoRecord() {
    assertThatThrownBy(() -> WireJson.decode("null".getBytes(StandardCharsets.UTF_8), WireRecord.class))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("JSON null");
  }

  @Test
  void shouldNameTheProblemWhenBytesAreNotJson() {
    assertThatThrownBy(() -> WireJson.decode("not json".getBytes(StandardCharsets.UTF_8), Command.class))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("not a valid Command record");
  }

  @Test
  void shouldNameTheMissingFieldWhenARequiredFieldIsAbsent() {
    byte[] bytes = "{\"type\":\"TimerFired\",\"version\":1,\"timerId\":\"t\",\"dueAt\":1}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> WireJson.decode(bytes, Command.class))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("TimerFired.executionArn is required");
  }

  @Test
  void shouldRejectARecordOfAnotherKindThanExpected() {
    byte[] bytes = WireJson.encode(SampleRecords.all().get(8));

    assertThatThrownBy(() -> WireJson.decode(bytes, Command.class)).isInstanceOf(WireFormatException.class);
  }

  @Test
  void shouldRejectANewerVersionThanThisBuildReads() {
    byte[] bytes = "{\"type\":\"Continue\",\"version\":2,\"executionArn\":\"a\",\"sequence\":1}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> WireJson.decode(bytes, Command.class))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("Continue.version 2 is not supported");
  }

  @Test
  void shouldRejectAnUnknownType() {
    byte[] bytes = "{\"type\":\"Explode\",\"version\":1}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> WireJson.decode(bytes, WireRecord.class)).isInstanceOf(WireFormatException.class);
  }

  @Test
  void shouldKeepAnExplicitNullOutputDistinctFromAMissingOne() {
    TaskSucceeded decoded = WireJson.decode(
        "{\"type\":\"TaskSucceeded\",\"version\":1,\"executionArn\":\"a\",\"taskToken\":\"t\",\"output\":null}"
            .getBytes(StandardCharsets.UTF_8), TaskSucceeded.class);

    assertThat(decoded.output().isNull()).isTrue();
  }
}
