package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTokenKeysTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:orders:run-1";

  @Test
  void shouldVerifyATokenItSigned() {
    TaskTokenKeys keys = TaskTokenKeys.generate();
    String token = keys.token(ARN, 7);

    assertThat(keys.verify(token)).isTrue();
    assertThat(TaskTokens.executionArn(token)).contains(ARN);
    assertThat(TaskTokens.sequence(token)).hasValue(7);
  }

  @Test
  void shouldRefuseATokenWhoseExecutionOrSequenceWasAltered() {
    TaskTokenKeys keys = TaskTokenKeys.generate();
    String nonce = TaskTokens.nonce(keys.token(ARN, 7)).orElseThrow();

    assertThat(keys.verify(TaskTokens.create(ARN, 8, nonce))).isFalse();
    assertThat(keys.verify(TaskTokens.create(ARN.replace("run-1", "run-2"), 7, nonce))).isFalse();
  }

  @Test
  void shouldRefuseTokensOfOtherKeysUnsignedTokensAndText() {
    TaskTokenKeys keys = TaskTokenKeys.generate();

    assertThat(keys.verify(TaskTokenKeys.generate().token(ARN, 1))).isFalse();
    assertThat(keys.verify(TaskTokens.create(ARN, 1, "0f1e2d3c-guessed"))).isFalse();
    assertThat(keys.verify(TaskTokens.create(ARN, 1, ""))).isFalse();
    assertThat(keys.verify("not a token")).isFalse();
  }

  @Test
  void shouldSignWithTheNewKeyAndStillAcceptTheOldOnesAfterRotation() {
    TaskTokenKeys before = TaskTokenKeys.generate();
    String old = before.token(ARN, 1);
    TaskTokenKeys after = before.rotated(TaskTokenKeys.newKey());

    assertThat(after.verify(old)).isTrue();
    assertThat(before.verify(after.token(ARN, 2))).isFalse();
    assertThat(after.keys()).hasSize(2);
    assertThat(TaskTokens.nonce(after.token(ARN, 2)).orElseThrow()).startsWith(after.keys().get(0).id() + ".");
  }

  @Test
  void shouldMakeTheSameTokenForTheSameExecutionAndSequence() {
    TaskTokenKeys keys = TaskTokenKeys.generate();

    assertThat(keys.token(ARN, 3)).isEqualTo(keys.token(ARN, 3)).isNotEqualTo(keys.token(ARN, 4));
  }

  @Test
  void shouldRefuseShortSecretsAndBadIds() {
    assertThatThrownBy(() -> new TaskTokenKeys.Key("k1", new byte[8])).hasMessageContaining("at least 16");
    assertThatThrownBy(() -> new TaskTokenKeys.Key("bad id", new byte[32])).hasMessageContaining("key id");
    assertThatThrownBy(() -> new TaskTokenKeys(List.of())).hasMessageContaining("at least one");
  }
}
