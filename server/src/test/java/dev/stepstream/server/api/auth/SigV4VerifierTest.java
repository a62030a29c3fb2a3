package dev.stepstream.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.server.api.aws.AwsException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

class SigV4VerifierTest {
  static final Instant NOW = Instant.parse("2026-12-04T20:30:00Z");
  static final AccessKey OPERATOR = new AccessKey("SSAKOPERATOR", "s3cr3t/Key+with=chars", Permission.OPERATOR);
  static final String BODY = "{\"stateMachineArn\":\"arn:aws:states:eu-west-1:123456789012:stateMachine:Hello\"}";

  private final SigV4Verifier verifier = new SigV4Verifier(AccessKeys.of(OPERATOR), "states", clockAt(NOW));

  static Clock clockAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  /** Signs a Step Functions call the way the AWS SDK for Java v2 does, at {@code signedAt}. */
  static dev.stepstream.server.api.auth.SignedRequest sdkSigned(String keyId, String secret, String region,
      Instant signedAt, String body) {
    SdkHttpRequest http = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(URI.create("http://127.0.0.1:8083/"))
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .putHeader("X-Amz-Target", "AWSStepFunctions.DescribeStateMachine")
        .build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsBasicCredentials.create(keyId, secret))
        .request(http)
        .payload(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "states")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clockAt(signedAt)));
    return new dev.stepstream.server.api.auth.SignedRequest("POST", "/", null, signed.request().headers(),
        body.getBytes(StandardCharsets.UTF_8));
  }

  static dev.stepstream.server.api.auth.SignedRequest withBody(dev.stepstream.server.api.auth.SignedRequest r,
      String body) {
    return new dev.stepstream.server.api.auth.SignedRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldAcceptARequestSignedByTheAwsSdkInAnyRegion() {
    assertThat(verifier.verify(sdkSigned("SSAKOPERATOR", OPERATOR.secret(), "eu-west-1", NOW, BODY))).isEqualTo(OPERATOR);
    assertThat(verifier.verify(sdkSigned("SSAKOPERATOR", OPERATOR.secret(), "ap-southeast-2", NOW.minusSeconds(840),
        BODY))).isEqualTo(OPERATOR);
  }

  @Test
  void shouldRefuseATamperedBodyWithInvalidSignature() {
    var request = withBody(sdkSigned("SSAKOPERATOR", OPERATOR.secret(), "us-east-1", NOW, BODY),
        BODY.replace("Hello", "Other"));
    assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(AwsException.class, e -> {
      assertThat(e.errorName()).isEqualTo("InvalidSignatureException");
      assertThat(e.httpStatus()).isEqualTo(400);
    });
  }

  @Test
  void shouldRefuseAWrongSecretWithAwsSignatureMismatchText() {
    var request = sdkSigned("SSAKOPERATOR", "not-the-secret", "us-east-1", NOW, BODY);
    assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(AwsException.class, e -> {
      assertThat(e.errorName()).isEqualTo("InvalidSignatureException");
      assertThat(e.getMessage()).isEqualTo("The request signature we calculated does not match the signature you"
          + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation"
          + " for details.");
    });
  }

  @Test
  void shouldRefuseAnUnknownAccessKeyWithUnrecognizedClient() {
    var request = sdkSigned("AKIAUNKNOWN", OPERATOR.secret(), "us-east-1", NOW, BODY);
    assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(AwsException.class, e -> {
      assertThat(e.errorName()).isEqualTo("UnrecognizedClientException");
      assertThat(e.getMessage()).isEqualTo("The security token included in the request is invalid.");
    });
  }

  @Test
  void shouldRefuseADateMoreThanFifteenMinutesOldOrAhead() {
    var stale = sdkSigned("SSAKOPERATOR", OPERATOR.secret(), "us-east-1", NOW.minusSeconds(16 * 60), BODY);
    assertThatThrownBy(() -> verifier.verify(stale)).isInstanceOfSatisfying(AwsException.class, e -> {
      assertThat(e.errorName()).isEqualTo("InvalidSignatureException");
      assertThat(e.getMessage()).isEqualTo("Signature expired: 20261204T201400Z is now earlier than 20261204T201500Z"
          + " (20261204T203000Z - 15 min.)");
    });
    var ahead = sdkSigned("SSAKOPERATOR", OPERATOR.secret(), "us-east-1", NOW.plusSeconds(16 * 60), BODY);
    assertThatThrownBy(() -> verifier.verify(ahead)).isInstanceOfSatisfying(AwsException.class, e ->
        assertThat(e.getMessage()).isEqualTo("Signature not yet current: 20261204T204600Z is still later than"
            + " 20261204T204500Z (20261204T203000Z + 15 min.)"));
  }

  @Test
  void shouldRefuseAnUnsignedRequestWithMissingAuthenticationToken() {
    var unsigned = new dev.stepstream.server.api.auth.SignedRequest("POST", "/", null,
        Map.of("X-Amz-Target", List.of("AWSStepFunctions.ListStateMachines")), new byte[0]);
    assertThatThrownBy(() -> verifier.verify(unsigned)).isInstanceOfSatisfying(AwsException.class, e -> {
      assertThat(e.errorName()).isEqualTo("MissingAuthenticationTokenException");
      assertThat(e.getMessage()).isEqualTo("Request is missing Authentication Token");
    });
  }

  @Test
  void shouldRefuseTemporaryCredentials() {
    var signed = sdkSigned("SSAKOPERATOR", OPERATOR.secret(), "us-east-1", NOW, BODY);
    var headers = new java.util.HashMap<>(signed.headers());
    headers.put("x-amz-security-token", List.of("FwoGZXIvYXdzE"));
    var withToken = new dev.stepstream.server.api.auth.SignedRequest("POST", "/", null, headers, signed.body());
    assertThatThrownBy(() -> verifier.verify(withToken)).isInstanceOfSatisfying(AwsException.class, e ->
        assertThat(e.errorName()).isEqualTo("UnrecognizedClientException"));
  }

  @Test
  void shouldRefuseACredentialScopedToAnotherService() {
    var verifierForLambda = new SigV4Verifier(AccessKeys.of(OPERATOR), "lambda", clockAt(NOW));
    var request = sdkSigned("SSAKOPERATOR", OPERATOR.secret(), "us-east-1", NOW, BODY);
    assertThatThrownBy(() -> verifierForLambda.verify(request)).isInstanceOfSatisfying(AwsException.class, e ->
        assertThat(e.getMessage()).isEqualTo("Credential should be scoped to correct service: 'lambda'. "));
  }

  @Test
  void shouldRefuseADeclaredPayloadHashThatIsNotTheBodys() {
    var signed = sdkSigned("SSAKOPERATOR", OPERATOR.secret(), "us-east-1", NOW, BODY);
    var headers = new java.util.HashMap<>(signed.headers());
    headers.put("x-amz-content-sha256", List.of("0".repeat(64)));
    var request = new dev.stepstream.server.api.auth.SignedRequest("POST", "/", null, headers, signed.body());
    assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(AwsException.class, e ->
        assertThat(e.errorName()).isEqualTo("InvalidSignatureException"));
  }

  @Test
  void shouldNameEveryMissingPartOfAnIncompleteAuthorization() {
    var request = new dev.stepstream.server.api.auth.SignedRequest("POST", "/", null,
        Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Credential=SSAKOPERATOR/20261204/us-east-1/states/aws4_request")),
        new byte[0]);
    assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(AwsException.class, e -> {
      assertThat(e.errorName()).isEqualTo("IncompleteSignatureException");
      assertThat(e.getMessage()).startsWith("Authorization header requires 'Signature' parameter. Authorization header"
          + " requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or"
          + " a 'Date' header.");
    });
  }
}
