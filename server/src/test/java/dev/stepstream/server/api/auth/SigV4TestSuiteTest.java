package dev.stepstream.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite): key AKIDEXAMPLE, service
 * {@code service}, region us-east-1, 2015-08-30T12:36:00Z; the signatures are the suite's.
 */
class SigV4TestSuiteTest {
  static final AccessKey EXAMPLE = new AccessKey("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      Permission.OPERATOR);
  private final SigV4Verifier verifier = new SigV4Verifier(AccessKeys.of(EXAMPLE), "service",
      Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC));

  static SignedRequest vector(String method, String query, String signature) {
    return new SignedRequest(method, "/", query, Map.of(
        "Host", List.of("example.amazonaws.com"),
        "X-Amz-Date", List.of("20150830T123600Z"),
        "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=" + signature)), new byte[0]);
  }

  @Test
  void shouldVerifyGetVanilla() {
    assertThat(verifier.verify(vector("GET", null,
        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"))).isEqualTo(EXAMPLE);
  }

  @Test
  void shouldVerifyPostVanilla() {
    assertThat(verifier.verify(vector("POST", null,
        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"))).isEqualTo(EXAMPLE);
  }

  @Test
  void shouldVerifyGetVanillaQueryOrderKeyCase() {
    assertThat(verifier.verify(vector("GET", "Param2=value2&Param1=value1",
        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"))).isEqualTo(EXAMPLE);
  }
}
