package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class ProcessorConfigTest {
  @Test
  void shouldPassStreamsSystemPropertiesThroughAfterTheProfileButBeforeExtras() {
    ProcessorConfig config = ProcessorConfig.defaults("localhost:9092", Path.of("/tmp/state")).withProfile(Profile.FAST)
        .withExtra(Map.of("heartbeat.interval.ms", 500));
    System.setProperty("stepstream.streams.session.timeout.ms", "6000");
    System.setProperty("stepstream.streams.commit.interval.ms", "250");
    System.setProperty("stepstream.streams.heartbeat.interval.ms", "1000");
    try {
      var props = config.streamsProperties();
      assertThat(props.get("session.timeout.ms")).isEqualTo("6000");
      assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("250");
      assertThat(props.get("heartbeat.interval.ms")).isEqualTo(500);
    } finally {
      System.clearProperty("stepstream.streams.session.timeout.ms");
      System.clearProperty("stepstream.streams.commit.interval.ms");
      System.clearProperty("stepstream.streams.heartbeat.interval.ms");
    }
  }

  @Test
  void shouldLetTheProducerSendStatesLargerThanKafkasOneMebibyteDefault() {
    Properties props = ProcessorConfig.defaults("localhost:9092", Path.of("/tmp/state")).streamsProperties();

    assertThat(props).containsEntry(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        RecordLimits.MAX_RECORD_BYTES);
    assertThat(RecordLimits.changelogConfig()).containsEntry("max.message.bytes", "16777216");
  }

  @Test
  void shouldRestoreStateInBatchesTenTimesKafkasDefault() {
    Properties props = ProcessorConfig.defaults("localhost:9092", Path.of("/tmp/state")).streamsProperties();

    assertThat(props).containsEntry("restore.consumer.max.poll.records", 10_000);
  }

  @Test
  void shouldApplyTheProcessingExceptionHandlerToTheGlobalThreadToo() {
    StreamsConfig config = new StreamsConfig(
        ProcessorConfig.defaults("localhost:9092", Path.of("/tmp/state")).streamsProperties());

    assertThat(config.getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
  }

  @Test
  void shouldJoinAsAStaticMemberWithTheGivenSessionTimeout() {
    Properties props = ProcessorConfig.defaults("localhost:9092", Path.of("/tmp/state"))
        .withStaticMembership("orders-1", Duration.ofSeconds(10)).streamsProperties();

    assertThat(props).containsEntry("main.consumer.group.instance.id", "orders-1")
        .containsEntry("main.consumer.session.timeout.ms", 10_000);
    assertThat(new StreamsConfig(props).getMainConsumerConfigs("orders", "client", 0))
        .containsEntry("group.instance.id", "orders-1-0");
  }

  @Test
  void shouldGiveTheKafkaClientPropertiesToStreamsUnprefixedAndKeepThemThroughOtherChanges() {
    ProcessorConfig config = ProcessorConfig.defaults("localhost:9092", Path.of("/tmp/state"))
        .withKafka(new KafkaConnection("broker:9093", Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN")))
        .withProfile(Profile.LATENCY).withApplicationId("app");

    Properties props = config.streamsProperties();

    assertThat(props).containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9093")
        .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN");
    assertThat(config.kafkaConnection())
        .isEqualTo(new KafkaConnection("broker:9093", Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN")));
  }
}
