package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CliCredentialsTest {
  @Test
  void shouldTakeTheStepstreamVariablesOnlyWhenBothAreSet() {
    assertThat(CliCredentials.from(Map.of("STEPSTREAM_ACCESS_KEY_ID", "SSAKX", "STEPSTREAM_SECRET_ACCESS_KEY", "s")))
        .get().satisfies(k -> assertThat(k.id() + ":" + k.secret()).isEqualTo("SSAKX:s"));
    assertThat(CliCredentials.from(Map.of("STEPSTREAM_ACCESS_KEY_ID", "SSAKX"))).isEmpty();
    assertThat(CliCredentials.from(Map.of("AWS_ACCESS_KEY_ID", "AKIA", "AWS_SECRET_ACCESS_KEY", "s"))).isEmpty();
  }
}
