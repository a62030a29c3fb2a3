package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.StartExecution;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The {@code pending-starts} store's formats, pinned by {@code golden/pending-start-v1.json} and {@code -v2.json}. */
class PendingStartsGoldenTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Golden:early-start";
  private static final StartExecution START = new StartExecution(1, ARN,
      "arn:aws:states:us-east-1:123456789012:stateMachine:Golden", "early-start",
      JsonNodeFactory.instance.objectNode().put("n", 1), 1_767_225_600_000L);

  @Test
  void shouldReadFormatOneAsAStartReadFromTheCommandsTopicAtNoKnownOffset() throws IOException {
    PendingStarts.Parked parked = PendingStarts.Parked.decode(golden("pending-start-v1.json"), "stepstream.commands");

    assertThat(parked.start()).isEqualTo(START);
    assertThat(parked.origin()).isEqualTo(new DeadLetters.Origin("stepstream.commands", -1, -1));
  }

  @Test
  void shouldReadFormatTwoWithWhereTheStartWasRead() throws IOException {
    PendingStarts.Parked parked = PendingStarts.Parked.decode(golden("pending-start-v2.json"), "ignored");

    assertThat(parked.start()).isEqualTo(START);
    assertThat(parked.origin()).isEqualTo(new DeadLetters.Origin("stepstream.commands", 3, 41));
  }

  @Test
  void shouldWriteFormatTwoByteForByte() throws IOException {
    byte[] encoded = new PendingStarts.Parked(START, new DeadLetters.Origin("stepstream.commands", 3, 41)).encode();

    assertThat(new String(encoded, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(new String(golden("pending-start-v2.json"), java.nio.charset.StandardCharsets.UTF_8));
  }

  private static byte[] golden(String name) throws IOException {
    try (InputStream in = PendingStartsGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      byte[] bytes = in.readAllBytes();
      return bytes[bytes.length - 1] == '\n' ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }
  }
}
