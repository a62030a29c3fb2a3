package dev.stepstream.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.server.api.auth.AccessKey;
import dev.stepstream.server.api.auth.AccessKeys;
import dev.stepstream.server.api.auth.Permission;
import dev.stepstream.server.api.backend.ExecutionQueries;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.TopicCatalogue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** The API as {@code serve} runs it, with authentication on, called by the AWS SDK for Java v2 and over REST. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthIT {
  static final AccessKey OPERATOR = new AccessKey("SSAKOPERATORKEY", "operator-secret-0123456789", Permission.OPERATOR);
  static final AccessKey READER = new AccessKey("SSAKREADONLYKEY", "reader-secret-0123456789", Permission.READ_ONLY);
  static final String DEFINITION = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
  static final String ROLE = "arn:aws:iam::123456789012:role/stepstream";
  private ApiServer api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(KafkaCluster kafka) {
    TopicCatalogue topics = TopicCatalogue.load("auth-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 1, (short) 1)) {
      provisioner.ensureCatalogueTopics();
    }
    api = ApiServer.start(ApiSettings.defaults(kafka.bootstrapServers(), topics).withPort(0)
        .withAccessKeys(AccessKeys.of(OPERATOR, READER)), new NoExecutions(), null);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  SfnClient sfn(String keyId, String secret) {
    return SfnClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + api.port()))
        .region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)
            .build())
        .build();
  }

  @Test
  void shouldServeTheSdkSigningWithARightKey() {
    try (SfnClient sfn = sfn(OPERATOR.id(), OPERATOR.secret())) {
      String name = "auth-" + UUID.randomUUID().toString().substring(0, 8);
      String arn = sfn.createStateMachine(b -> b.name(name).definition(DEFINITION).roleArn(ROLE)).stateMachineArn();
      assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).name()).isEqualTo(name);
    }
  }

  @Test
  void shouldAnswerAWrongSecretWithInvalidSignatureException() {
    try (SfnClient sfn = sfn(OPERATOR.id(), "wrong-secret")) {
      assertThatThrownBy(() -> sfn.listStateMachines(b -> { })).isInstanceOfSatisfying(SfnException.class, e -> {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match");
      });
    }
  }

  @Test
  void shouldAnswerAnUnknownKeyWithUnrecognizedClientException() {
    try (SfnClient sfn = sfn("AKIANOBODY", OPERATOR.secret())) {
      assertThatThrownBy(() -> sfn.listStateMachines(b -> { })).isInstanceOfSatisfying(SfnException.class, e -> {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
      });
    }
  }

  @Test
  void shouldLetAReadOnlyKeyListButNotCreate() {
    try (SfnClient sfn = sfn(READER.id(), READER.secret())) {
      assertThat(sfn.listStateMachines(b -> { }).stateMachines()).isNotNull();
      assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("denied").definition(DEFINITION).roleArn(ROLE)))
          .isInstanceOfSatisfying(SfnException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/"
                + READER.id() + " is not authorized to perform: states:CreateStateMachine on resource:"
                + " arn:aws:states:us-east-1:123456789012:* because no identity-based policy allows the"
                + " states:CreateStateMachine action");
          });
    }
  }

  @Test
  void shouldRefuseAnUnsignedAwsCallWithMissingAuthenticationToken() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/"))
        .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"",
        "Request is missing Authentication Token");
  }

  @Test
  void shouldTakeTheSameKeyAsABearerOnRestAndLeaveHealthAndMetricsOpen() throws Exception {
    assertThat(get("/api/state-machines", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/state-machines", "Bearer " + OPERATOR.id() + ":wrong").statusCode()).isEqualTo(401);
    assertThat(get("/api/state-machines", "Bearer " + READER.id() + ":" + READER.secret()).statusCode()).isEqualTo(200);
    assertThat(get("/api/state-machines?access_token=" + OPERATOR.id() + ":" + OPERATOR.secret(), null).statusCode())
        .isEqualTo(200);
    assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
    assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAReadOnlyBearerAnythingButGet() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/triggers"))
        .header("Authorization", "Bearer " + READER.id() + ":" + READER.secret())
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("AccessDeniedException");
  }

  @Test
  void shouldAcceptACallSignedByTheCliSigner() throws Exception {
    byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.util.Map<String, String> headers = java.util.Map.of("Content-Type", "application/x-amz-json-1.0",
        "X-Amz-Target", "AWSStepFunctions.ListStateMachines");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    dev.stepstream.server.api.auth.SigV4Signer.sign(READER, "us-east-1", java.time.Instant.now(),
        "127.0.0.1:" + api.port(), "/", headers, body).forEach(request::header);
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void shouldOpenInternalRoutesOnlyToInstancesShowingThePeerSecret() throws Exception {
    String path = "/internal/executions/arn:aws:states:us-east-1:123456789012:execution:m:e";
    assertThat(get(path, null).statusCode()).isEqualTo(403);
    HttpResponse<String> withSecret = http.send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("X-Stepstream-Peer-Secret", AccessKeys.of(READER, OPERATOR).peerSecret()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(withSecret.statusCode()).as("past authentication; this API has no processor, so no route").isEqualTo(404);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://127.0.0.1:" + api.port();
  }

  /** No processor: authentication does not need one. */
  static final class NoExecutions implements ExecutionQueries {
    @Override
    public Optional<ExecutionSummary> summary(String executionArn) {
      return Optional.empty();
    }

    @Override
    public List<HistoryEvent> history(String executionArn, long fromId, long toId, boolean reverse, int limit) {
      return List.of();
    }
  }
}
