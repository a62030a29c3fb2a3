package dev.stepstream.server.api;

import static dev.stepstream.server.api.AwsSdkIT.ROLE;
import static dev.stepstream.server.api.AwsSdkIT.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.worker.TaskWorker;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.model.CloudWatchLogsLogGroup;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidLoggingConfigurationException;
import software.amazon.awssdk.services.sfn.model.LogDestination;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.LoggingConfiguration;

/** loggingConfiguration through the AWS SDK, log events on the logs topic and the logs endpoint, worker output. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionLogsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:sfn-logs:*";
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiFixture fixture;

  @BeforeAll
  void start(KafkaCluster kafka) throws Exception {
    fixture = new ApiFixture(kafka, Duration.ofSeconds(1));
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @Test
  void shouldKeepTheLoggingConfigurationAndRefuseALevelWithoutDestination() {
    String arn = create(unique("logcfg"), PASS, logging(LogLevel.ERROR, true));

    DescribeStateMachineResponse described = fixture.sfn.describeStateMachine(b -> b.stateMachineArn(arn));

    assertThat(described.loggingConfiguration().level()).isEqualTo(LogLevel.ERROR);
    assertThat(described.loggingConfiguration().includeExecutionData()).isTrue();
    assertThat(described.loggingConfiguration().destinations().get(0).cloudWatchLogsLogGroup().logGroupArn())
        .isEqualTo(LOG_GROUP);
    fixture.sfn.updateStateMachine(b -> b.stateMachineArn(arn).loggingConfiguration(c -> c.level(LogLevel.OFF)));
    assertThat(fixture.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).loggingConfiguration().level())
        .isEqualTo(LogLevel.OFF);
    assertThatThrownBy(() -> create(unique("nodest"), PASS, LoggingConfiguration.builder().level(LogLevel.ALL).build()))
        .isInstanceOf(InvalidLoggingConfigurationException.class)
        .hasMessageStartingWith("Invalid Logging Configuration: Must specify exactly one Log Destination.");
  }

  @Test
  void shouldWriteLogEventsPerLevelToTheLogsTopicAndServeThemWithTheWorkersOutput() throws Exception {
    String task = unique("Resize").replace("-", "");
    String definition = "{\"StartAt\": \"Resize\", \"States\": {\"Resize\": {\"Type\": \"Task\", "
        + "\"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:" + task + "\", \"End\": true}}}";
    String all = create(unique("logall"), definition, logging(LogLevel.ALL, true));
    String fatal = create(unique("logfatal"), definition, logging(LogLevel.FATAL, false));
    try (TaskWorker worker = TaskWorker.builder().bootstrapServers(fixture.kafka.bootstrapServers())
        .topicPrefix(fixture.topics.prefix()).task(task).handler((input, ctx) -> {
          ctx.log("resizing " + input.path("image").asText());
          if (input.path("fail").asBoolean()) {
            throw new IllegalStateException("too large");
          }
          return Map.of("ok", true);
        }).build().start()) {
      String succeeded = run(all, "{\"image\": \"cat.png\"}", ExecutionStatus.SUCCEEDED);
      String failed = run(fatal, "{\"image\": \"big.png\", \"fail\": true}", ExecutionStatus.FAILED);

      List<JsonNode> onTopic = Eventually.await(Duration.ofSeconds(30), () -> {
        List<JsonNode> logs = readLogs();
        assertThat(logs).anySatisfy(l -> assertThat(l.get("execution_arn").asText()).isEqualTo(failed));
        return logs;
      });
      assertThat(onTopic.stream().filter(l -> l.get("execution_arn").asText().equals(succeeded)))
          .extracting(l -> l.get("type").asText())
          .containsExactly("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
              "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded");
      assertThat(onTopic.stream().filter(l -> l.get("execution_arn").asText().equals(failed)))
          .extracting(l -> l.get("type").asText()).containsExactly("ExecutionFailed");

      JsonNode served = JSON.readTree(get("/api/executions/" + enc(succeeded) + "/logs").body());
      assertThat(served.get("level").asText()).isEqualTo("ALL");
      assertThat(served.get("events")).hasSize(7);
      assertThat(served.get("events").get(0).get("redrive_count").asText()).isEqualTo("0");
      JsonNode output = served.get("workerOutput").get(0);
      assertThat(output.get("type").asText()).isEqualTo("LambdaFunctionSucceeded");
      assertThat(output.get("stateName").asText()).isEqualTo("Resize");
      assertThat(output.get("lines")).extracting(JsonNode::asText).containsExactly("resizing cat.png");
      JsonNode failedLogs = JSON.readTree(get("/api/executions/" + enc(failed) + "/logs").body());
      assertThat(failedLogs.get("events")).extracting(e -> e.get("type").asText()).containsExactly("ExecutionFailed");
      assertThat(failedLogs.get("workerOutput").get(0).get("lines").get(0).asText()).isEqualTo("resizing big.png");
      assertThat(get("/api/executions/" + enc(failed + "-nope") + "/logs").statusCode()).isEqualTo(404);
    }
  }

  private static final String PASS = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";

  private String create(String name, String definition, LoggingConfiguration logging) {
    return fixture.sfn.createStateMachine(b -> b.name(name).roleArn(ROLE).definition(definition)
        .loggingConfiguration(logging)).stateMachineArn();
  }

  private static LoggingConfiguration logging(LogLevel level, boolean includeData) {
    return LoggingConfiguration.builder().level(level).includeExecutionData(includeData)
        .destinations(LogDestination.builder().cloudWatchLogsLogGroup(CloudWatchLogsLogGroup.builder()
            .logGroupArn(LOG_GROUP).build()).build())
        .build();
  }

  private String run(String machine, String input, ExecutionStatus expected) {
    String arn = fixture.sfn.startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
    Eventually.await(Duration.ofSeconds(30), () -> assertThat(
        fixture.sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(expected));
    return arn;
  }

  private List<JsonNode> readLogs() throws Exception {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, unique("logs-reader"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<JsonNode> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(fixture.topics.logs()));
      long until = System.currentTimeMillis() + 3_000;
      while (System.currentTimeMillis() < until) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          JsonNode log = JSON.readTree(record.value());
          assertThat(record.key()).isEqualTo(log.get("execution_arn").asText());
          out.add(log);
        }
      }
    }
    return out;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(fixture.endpoint() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String arn) {
    return URLEncoder.encode(arn, StandardCharsets.UTF_8);
  }
}
