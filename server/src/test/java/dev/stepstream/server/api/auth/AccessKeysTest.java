package dev.stepstream.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessKeysTest {
  static final AccessKey ONE = new AccessKey("AKIDONE", "secret-one", Permission.OPERATOR);
  static final AccessKey TWO = new AccessKey("AKIDTWO", "secret-two", Permission.READ_ONLY);

  @Test
  void shouldDerivePeerSecretFromTheKeysWhateverTheirOrder() {
    assertThat(AccessKeys.of(ONE, TWO).peerSecret()).isEqualTo(AccessKeys.of(TWO, ONE).peerSecret()).hasSize(64);
    assertThat(AccessKeys.of(ONE).peerSecret()).isNotEqualTo(AccessKeys.of(ONE, TWO).peerSecret());
  }

  @Test
  void shouldRefuseAKeyListedTwice() {
    assertThatThrownBy(() -> AccessKeys.of(ONE, new AccessKey("AKIDONE", "other", Permission.OPERATOR)))
        .hasMessage("access key 'AKIDONE' is listed twice");
  }
}
