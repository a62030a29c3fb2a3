package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  private final RecordingSink sink = new RecordingSink();
  private final ProcessorMetrics metrics = new ProcessorMetrics();
  private final DeadLetters deadLetters = new DeadLetters(
      sink, metrics, () -> new DeadLetters.Origin("stepstream.task-results", 2, 17L), () -> 5_000L);

  @Test
  void shouldSendTheOriginalBytesWithTheReasonAndWhereTheyWereRead() {
    byte[] value = "{not json".getBytes(StandardCharsets.UTF_8);

    deadLetters.send("key-1", value, "not a wire record", 1_234L);

    assertThat(sink.sent).singleElement().satisfies(sent -> {
      assertThat(sent.topic()).isEqualTo("DEAD_LETTERS");
      assertThat(sent.key()).isEqualTo("key-1");
      assertThat(sent.timestamp()).isEqualTo(1_234L);
      DeadLetter letter = WireJson.decode(sent.value(), DeadLetter.class);
      assertThat(letter.sourceTopic()).isEqualTo("stepstream.task-results");
      assertThat(letter.partition()).isEqualTo(2);
      assertThat(letter.offset()).isEqualTo(17L);
      assertThat(letter.key()).isEqualTo("key-1");
      assertThat(Base64.getDecoder().decode(letter.valueBase64())).isEqualTo(value);
      assertThat(letter.reason()).isEqualTo("not a wire record");
      assertThat(letter.timestamp()).isEqualTo(5_000L);
    });
    assertThat(metrics.deadLetteredCount()).isEqualTo(1);
  }

  @Test
  void shouldCutReasonsLongerThanFourThousandCharacters() {
    deadLetters.send("key-1", new byte[0], "x".repeat(10_000), 0L);

    DeadLetter letter = WireJson.decode(sink.sent.get(0).value(), DeadLetter.class);
    assertThat(letter.reason()).hasSize(DeadLetters.MAX_REASON_CHARS);
  }

  @Test
  void shouldKeepAMissingValueMissing() {
    deadLetters.send("key-1", null, "tombstone on the commands topic", 0L);

    DeadLetter letter = WireJson.decode(sink.sent.get(0).value(), DeadLetter.class);
    assertThat(letter.valueBase64()).isNull();
  }
}
