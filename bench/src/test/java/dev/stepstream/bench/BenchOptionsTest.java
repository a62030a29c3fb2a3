package dev.stepstream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.processor.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  private static BenchOptions with(int streamThreads, List<Double> rates) {
    return new BenchOptions(false, Duration.ofSeconds(1), Duration.ofSeconds(1), List.of(Profile.LATENCY),
        Set.of("B3", "W3"), null, 6, streamThreads, 32, rates, null, Path.of("."), false, null);
  }

  private static BenchOptions withRates(List<Double> rates) {
    return with(1, rates);
  }

  @Test
  void shouldGiveEachProfileItsOwnStreamThreadsUnlessTheRunSetsThem() {
    BenchOptions profileDefaults = with(0, BenchOptions.DEFAULT_LATENCY_RATES);
    assertThat(profileDefaults.streamThreads(Profile.LATENCY)).isEqualTo(Profile.LATENCY.defaultStreamThreads());
    assertThat(profileDefaults.streamThreads(Profile.EXACTLY_ONCE)).isEqualTo(1);
    assertThat(with(3, BenchOptions.DEFAULT_LATENCY_RATES).streamThreads(Profile.EXACTLY_ONCE)).isEqualTo(3);
  }

  @Test
  void shouldProbeLatencyAtALightLoadAndUnderLoadByDefault() {
    assertThat(BenchOptions.DEFAULT_LATENCY_RATES).containsExactly(200.0, 2_000.0);
    assertThat(withRates(BenchOptions.DEFAULT_LATENCY_RATES).latencyRates()).containsExactly(200.0, 2_000.0);
  }

  @Test
  void shouldRejectNoRateOrANonPositiveOne() {
    assertThatThrownBy(() -> withRates(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> withRates(List.of(200.0, 0.0))).hasMessageContaining("rates must be positive");
  }

  @Test
  void shouldStartTheBrokerWithTheHeapAndGcOfKafkasOwnScripts() {
    assertThat(BenchOptions.jvmOptions(BenchOptions.KAFKA_SCRIPT_BROKER_JVM_OPTIONS))
        .containsExactly("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent");
  }

  @Test
  void shouldSplitReplacedBrokerOptionsOnAnyRunOfSpaces() {
    assertThat(BenchOptions.jvmOptions("  -Xmx2g   -Xms2g ")).containsExactly("-Xmx2g", "-Xms2g");
    assertThat(BenchOptions.jvmOptions("  ")).isEmpty();
  }

  @Test
  void shouldTitleRatesWithThousandsSeparators() {
    assertThat(BenchRunner.perSecond(2_000)).isEqualTo("2,000/s");
    assertThat(BenchRunner.perSecond(200)).isEqualTo("200/s");
  }
}
