package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.wire.TopicCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessorOptionsTest {
  private final TopicCatalogue topics = TopicCatalogue.load();

  @Test
  void shouldTakeProfileTimerIntervalAndRetentionFromTheRunningConfiguration() {
    ProcessorConfig config = ProcessorConfig.defaults("localhost:9092", Path.of("/tmp/state"))
        .withProfile(Profile.FAST).withClosedExecutionRetention(Duration.ofDays(3));

    ProcessorOptions options = ProcessorOptions.of(config, EngineOptions.defaults());

    assertThat(options.topics()).isEqualTo(config.topics());
    assertThat(options.profile()).isEqualTo(Profile.FAST);
    assertThat(options.timerInterval()).isEqualTo(config.timerInterval());
    assertThat(options.closedExecutionRetention()).isEqualTo(Duration.ofDays(3));
    assertThat(options.maxStateBytes()).isEqualTo(RecordLimits.MAX_STATE_BYTES);
  }

  @Test
  void shouldDefaultToExactlyOnceAndNinetyDaysRetention() {
    ProcessorOptions options = ProcessorOptions.defaults(topics);

    assertThat(options.profile()).isEqualTo(Profile.EXACTLY_ONCE);
    assertThat(options.closedExecutionRetention()).isEqualTo(Duration.ofDays(90));
    assertThat(options.engine()).isEqualTo(EngineOptions.defaults());
  }

  @Test
  void shouldChangeOneSettingPerCopy() {
    ProcessorOptions defaults = ProcessorOptions.defaults(topics);

    assertThat(defaults.withMaxStateBytes(8_000)).isEqualTo(new ProcessorOptions(topics, defaults.engine(),
        Profile.EXACTLY_ONCE, defaults.timerInterval(), defaults.closedExecutionRetention(), 8_000,
        defaults.tokenKeys()));
    assertThat(defaults.withProfile(Profile.LATENCY).profile()).isEqualTo(Profile.LATENCY);
    assertThat(defaults.withClosedExecutionRetention(Duration.ofHours(1)).closedExecutionRetention())
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldRejectLimitsThatCannotWork() {
    ProcessorOptions defaults = ProcessorOptions.defaults(topics);

    assertThatThrownBy(() -> defaults.withClosedExecutionRetention(Duration.ZERO))
        .hasMessageContaining("closedExecutionRetention must be positive");
    assertThatThrownBy(() -> defaults.withMaxStateBytes(0)).hasMessageContaining("maxStateBytes must be between");
    assertThatThrownBy(() -> defaults.withMaxStateBytes(RecordLimits.MAX_STATE_BYTES + 1))
        .hasMessageContaining("maxStateBytes must be between");
  }
}
