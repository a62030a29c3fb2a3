package dev.stepstream.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigV4SignerTest {
  @Test
  void shouldSignSoThatTheVerifierAcceptsTheRequest() {
    AccessKey key = new AccessKey("SSAKCLI", "cli-secret", Permission.OPERATOR);
    Instant now = Instant.parse("2026-12-04T20:00:00Z");
    byte[] body = "{\"maxResults\":10}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = Map.of("Content-Type", "application/x-amz-json-1.0",
        "X-Amz-Target", "AWSStepFunctions.ListStateMachines");
    Map<String, List<String>> sent = new HashMap<>();
    headers.forEach((k, v) -> sent.put(k, List.of(v)));
    SigV4Signer.sign(key, "us-east-1", now, "localhost:8083", "/", headers, body).forEach((k, v) -> sent.put(k, List.of(v)));
    sent.put("Host", List.of("localhost:8083"));
    SigV4Verifier verifier = new SigV4Verifier(AccessKeys.of(key), "states", Clock.fixed(now, ZoneOffset.UTC));
    assertThat(verifier.verify(new SignedRequest("POST", "/", null, sent, body))).isEqualTo(key);
  }
}
