package dev.stepstream.server.api;

import static dev.stepstream.server.api.AwsSdkIT.ROLE;
import static dev.stepstream.server.api.AwsSdkIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TraceContext;
import dev.stepstream.worker.TaskWorker;
import io.opentelemetry.api.trace.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** traceHeader from StartExecution through the broker to the worker (as the current OpenTelemetry span) and back. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingIT {
  private static final String XRAY = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
  private static final String TRACE_ID = "5759e988bd862e3fe1be46a994272793";
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
  void shouldCarryTheTraceFromStartExecutionThroughEveryTaskToTheWorkerAndBack() {
    String task = unique("Traced").replace("-", "");
    String resource = "arn:aws:lambda:us-east-1:123456789012:function:" + task;
    String definition = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Task\", \"Resource\": \"" + resource
        + "\", \"Next\": \"B\"}, \"B\": {\"Type\": \"Task\", \"Resource\": \"" + resource + "\", \"End\": true}}}";
    String machine = fixture.sfn.createStateMachine(b -> b.name(unique("traced")).roleArn(ROLE).definition(definition))
        .stateMachineArn();
    List<String> seenByHandler = new CopyOnWriteArrayList<>();
    try (TaskWorker worker = TaskWorker.builder().bootstrapServers(fixture.kafka.bootstrapServers())
        .topicPrefix(fixture.topics.prefix()).task(task).handler((input, ctx) -> {
          seenByHandler.add(Span.current().getSpanContext().getTraceId());
          return Map.of();
        }).build().start()) {
      String arn = fixture.sfn.startExecution(b -> b.stateMachineArn(machine).input("{}").traceHeader(XRAY)).executionArn();
      Eventually.await(Duration.ofSeconds(30), () -> assertThat(
          fixture.sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.SUCCEEDED));

      assertThat(fixture.sfn.describeExecution(b -> b.executionArn(arn)).traceHeader()).isEqualTo(XRAY);
      assertThat(seenByHandler).containsExactly(TRACE_ID, TRACE_ID);
      assertThat(traceIds(fixture.topics.taskTopic(task), arn)).containsExactly(TRACE_ID, TRACE_ID);
      assertThat(traceIds(fixture.topics.taskResults(), arn)).containsExactly(TRACE_ID, TRACE_ID);
      assertThat(traceIds(fixture.topics.commands(), arn)).first().isEqualTo(TRACE_ID);
    }
  }

  @Test
  void shouldStartATraceWhenStartExecutionHasNoTraceHeader() {
    String machine = fixture.sfn.createStateMachine(b -> b.name(unique("untraced")).roleArn(ROLE)
        .definition("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}")).stateMachineArn();

    String arn = fixture.sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();

    String header = Eventually.await(Duration.ofSeconds(30), () -> {
      String shown = fixture.sfn.describeExecution(b -> b.executionArn(arn)).traceHeader();
      assertThat(shown).isNotNull();
      return shown;
    });
    assertThat(TraceContext.fromHeader(header, "0000000000000001")).isPresent();
  }

  /** The trace ids of the traceparent headers of the records of {@code executionArn} on {@code topic}. */
  private List<String> traceIds(String topic, String executionArn) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, unique("trace-reader"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> ids = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long until = System.currentTimeMillis() + 3_000;
      while (System.currentTimeMillis() < until) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          Header header = record.headers().lastHeader(TraceContext.HEADER);
          if (executionArn.equals(record.key()) && header != null) {
            ids.add(TraceContext.fromTraceparent(new String(header.value(), StandardCharsets.UTF_8))
                .map(TraceContext::traceId).orElse("invalid"));
          }
        }
      }
    }
    return ids;
  }
}
