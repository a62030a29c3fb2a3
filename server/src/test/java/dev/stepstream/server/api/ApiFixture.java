package dev.stepstream.server.api;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.server.api.backend.ProcessorQueries;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.wire.TopicCatalogue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** One processor + API on the shared test broker, with its own topic prefix; shared by a test class. */
final class ApiFixture implements AutoCloseable {
  final KafkaCluster kafka;
  final TopicCatalogue topics;
  final StepstreamProcessor processor;
  final ApiServer api;
  final SfnClient sfn;

  ApiFixture(KafkaCluster kafka, Duration activityLongPoll) throws Exception {
    this.kafka = kafka;
    String id = UUID.randomUUID().toString().substring(0, 8);
    this.topics = TopicCatalogue.load("api-" + id + ".");
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 2, (short) 1)) {
      provisioner.ensureCatalogueTopics();
    }
    Path stateDir = Files.createTempDirectory("stepstream-api-it");
    ProcessorConfig config = new ProcessorConfig(kafka.bootstrapServers(), "api-it-" + id, topics, stateDir,
        Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());
    this.processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(60));
    this.api = ApiServer.start(ApiSettings.defaults(kafka.bootstrapServers(), topics).withPort(0)
        .withActivityLongPoll(activityLongPoll).withMaxRequestBytes(1_100_000).withTokenKeys(processor.tokenKeys()),
        new ProcessorQueries(processor),
        processor.metrics());
    this.sfn = SfnClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)
            .build())
        .build();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + api.port());
  }

  @Override
  public void close() {
    sfn.close();
    api.close();
    processor.close();
  }
}
