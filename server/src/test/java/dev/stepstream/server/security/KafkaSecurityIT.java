package dev.stepstream.server.security;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.IDEMPOTENT_WRITE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.PatternType.PREFIXED;
import static org.apache.kafka.common.resource.ResourceType.CLUSTER;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.apache.kafka.common.resource.ResourceType.TRANSACTIONAL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.server.api.ApiServer;
import dev.stepstream.server.api.ApiSettings;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.worker.TaskWorker;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The engine, the API and a worker on a broker that requires SASL and enforces ACLs, each with its
 * own credentials from a client-properties file: the worker reads only its task topic and writes
 * only task results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSecurityIT {
  private static final String APP = "sec-engine";
  private static final String TASK = "Echo";
  private static final TopicCatalogue TOPICS = TopicCatalogue.load("sec.");

  private SecuredBroker kafka;
  private Path dir;
  private StepstreamProcessor processor;
  private ApiServer api;

  @BeforeAll
  void start() throws Exception {
    kafka = new SecuredBroker();
    dir = Files.createTempDirectory("stepstream-kafka-security");
    grantEngine();
    grantWorker();
    kafka.applyAcls();
    try (TopicProvisioner operator = new TopicProvisioner(kafka.broker.bootstrapServers(), TOPICS, 2, (short) 1)) {
      operator.ensureCatalogueTopics();
      operator.ensureTaskTopics(List.of(TASK, "Other"));
    }
    KafkaConnection engine = KafkaConnection.load(kafka.saslServers,
        SecuredBroker.clientConfig(dir, "engine", SecuredBroker.ENGINE_PASSWORD));
    ProcessorConfig config = new ProcessorConfig(kafka.saslServers, APP, TOPICS, dir.resolve("state"),
        Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of()).withKafka(engine);
    processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(90));
    api = ApiServer.start(ApiSettings.defaults(kafka.saslServers, TOPICS).withPort(0), processor);
  }

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
    if (processor != null) {
      processor.close();
    }
    kafka.close();
  }

  @Test
  void shouldRunAnExecutionWhenEngineAndWorkerAuthenticateWithTheirOwnCredentials() throws Exception {
    Path workerConfig = SecuredBroker.clientConfig(dir, "worker", SecuredBroker.WORKER_PASSWORD);
    try (TaskWorker worker = TaskWorker.builder().bootstrapServers(kafka.saslServers).kafkaConfig(workerConfig)
            .topicPrefix(TOPICS.prefix()).task(TASK).handler((input, ctx) -> Map.of("echo", input.path("say").asText()))
            .build().start();
        SfnClient sfn = sfn()) {
      String machine = sfn.createStateMachine(b -> b.name("secured").roleArn("arn:aws:iam::123456789012:role/stepstream")
          .definition("{\"StartAt\": \"Echo\", \"States\": {\"Echo\": {\"Type\": \"Task\", \"Resource\": "
              + "\"arn:aws:lambda:us-east-1:123456789012:function:" + TASK + "\", \"End\": true}}}"))
          .stateMachineArn();
      String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"say\": \"hi\"}")).executionArn();

      DescribeExecutionResponse done = Eventually.await(Duration.ofSeconds(60), () -> {
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(execution));
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return d;
      });
      assertThat(done.output()).isEqualTo("{\"echo\":\"hi\"}");
    }
  }

  @Test
  void shouldRefuseTheWorkerAnotherTaskTopic() throws Exception {
    Map<String, Object> config = workerClient();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "stepstream-worker-" + TASK);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPICS.taskTopic("Other")));
      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void shouldLetTheWorkerWriteOnlyTaskResults() throws Exception {
    Map<String, Object> config = workerClient();
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPICS.commands(), "k", "{}")).get())
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void shouldRefuseAWrongPassword() throws Exception {
    Map<String, Object> config = new HashMap<>();
    KafkaConnection.load(kafka.saslServers, SecuredBroker.clientConfig(dir, "worker", "guessed")).applyTo(config);
    try (Admin admin = Admin.create(config)) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get())
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  private Map<String, Object> workerClient() throws Exception {
    Map<String, Object> config = new HashMap<>();
    KafkaConnection.load(kafka.saslServers, SecuredBroker.clientConfig(dir, "worker", SecuredBroker.WORKER_PASSWORD))
        .applyTo(config);
    return config;
  }

  /** What docs/security.md lists for the engine (processor, API, triggers, integration runner). */
  private void grantEngine() {
    for (String prefix : List.of(TOPICS.prefix(), APP)) {
      kafka.allow("engine", TOPIC, prefix, PREFIXED, ALL)
          .allow("engine", GROUP, prefix, PREFIXED, ALL)
          .allow("engine", TRANSACTIONAL_ID, prefix, PREFIXED, ALL);
    }
    kafka.allow("engine", GROUP, "stepstream-api.", PREFIXED, ALL)
        .allow("engine", CLUSTER, "kafka-cluster", LITERAL, DESCRIBE, IDEMPOTENT_WRITE);
  }

  /** What docs/security.md lists for a worker: its task topic with its group, and task results. */
  private void grantWorker() {
    kafka.allow("worker", TOPIC, TOPICS.taskTopic(TASK), LITERAL, READ)
        .allow("worker", GROUP, "stepstream-worker-" + TASK, LITERAL, READ)
        .allow("worker", TOPIC, TOPICS.taskResults(), LITERAL, WRITE);
  }

  private SfnClient sfn() {
    return SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + api.port())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"))).build();
  }
}
