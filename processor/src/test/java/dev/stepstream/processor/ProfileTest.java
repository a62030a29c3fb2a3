package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class ProfileTest {
  private static Properties applied(Profile profile) {
    Properties props = new Properties();
    profile.applyTo(props);
    return props;
  }

  @Test
  void shouldLingerAsLongAsTheCommitIntervalAndCompressUnderEitherTransactionalProfile() {
    assertThat(applied(Profile.EXACTLY_ONCE))
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 100)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 64 * 1024)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    assertThat(applied(Profile.LATENCY))
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 10)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 64 * 1024)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    assertThat(applied(Profile.FAST))
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 16 * 1024)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
  }

  @Test
  void shouldRunTwoStreamThreadsUnderLatencyOnlyWhereThereAreTwoCores() {
    assertThat(Profile.LATENCY.defaultStreamThreads(2)).isEqualTo(2);
    assertThat(Profile.LATENCY.defaultStreamThreads(16)).isEqualTo(2);
    assertThat(Profile.LATENCY.defaultStreamThreads(1)).isEqualTo(1);
    assertThat(Profile.EXACTLY_ONCE.defaultStreamThreads(16)).isEqualTo(1);
    assertThat(Profile.FAST.defaultStreamThreads(16)).isEqualTo(1);
  }

  @Test
  void shouldParseProfileNamesAndNameTheChoicesWhenUnknown() {
    assertThat(Profile.parse("Exactly-Once")).isEqualTo(Profile.EXACTLY_ONCE);
    assertThatThrownBy(() -> Profile.parse("turbo"))
        .hasMessage("unknown profile 'turbo': use exactly-once, latency or fast");
  }
}
