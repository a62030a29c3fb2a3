package dev.stepstream.server.api.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArnsTest {
  /** The rule as it was written before the hand-written check: AWS's name rule as a regex. */
  private static final Pattern INVALID_NAME_CHARS =
      Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\u0000-\\u001f\\u007f-\\u009f]");
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Orders";

  @Test
  void shouldRefuseExactlyTheCharactersTheNameRegexRefused() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String name = "a" + c + "b";
      assertThat(Arns.validName(name)).as("U+%04X", (int) c).isEqualTo(!INVALID_NAME_CHARS.matcher(name).find());
    }
  }

  @Test
  void shouldRefuseEmptyAndOverlongNames() {
    assertThat(Arns.validName("")).isFalse();
    assertThat(Arns.validName(null)).isFalse();
    assertThat(Arns.validName("x".repeat(80))).isTrue();
    assertThat(Arns.validName("x".repeat(81))).isFalse();
  }

  @Test
  void shouldParseAKnownStateMachineArnAlikeEveryTime() {
    Arns.Parsed first = Arns.parse(MACHINE).orElseThrow();
    Arns.Parsed again = Arns.parse(MACHINE).orElseThrow();

    assertThat(again).isEqualTo(first);
    assertThat(again.kind()).isEqualTo("stateMachine");
    assertThat(again.qualifier()).isEmpty();
    assertThat(Arns.parse(MACHINE + ":my alias")).isEmpty();
    assertThat(Arns.parse(MACHINE + ":7").orElseThrow().isVersion()).isTrue();
  }

  @Test
  void shouldBuildTheExecutionArnFromTheMachineArn() {
    assertThat(Arns.execution(MACHINE + ":7", "run-1"))
        .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Orders:run-1");
  }
}
