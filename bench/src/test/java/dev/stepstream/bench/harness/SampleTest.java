package dev.stepstream.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleTest {
  @Test
  void shouldDivideCountsAndCpuByTheWindow() {
    Sample s = new Sample(1_000, 2.0, 5_000_000, 3_000_000, null, 0);

    assertThat(s.perSecond()).isEqualTo(500);
    assertThat(s.selfCpuMicrosPerUnit()).isEqualTo(5.0);
    assertThat(s.brokerCpuMicrosPerUnit()).isEqualTo(3.0);
    assertThat(s.latencyMillis(50)).isNaN();
  }

  @Test
  void shouldReportUnknownBrokerCpuAsNotANumber() {
    assertThat(new Sample(10, 1.0, 1, -1, null, 0).brokerCpuMicrosPerUnit()).isNaN();
  }

  @Test
  void shouldDivideTheEngineCpuByTheUnitsWhenMeasured() {
    assertThat(new Sample(1_000, 2.0, 5_000_000, -1, null, 0, 2_000_000).engineCpuMicrosPerUnit()).isEqualTo(2.0);
    assertThat(new Sample(1_000, 2.0, 5_000_000, -1, null, 0).engineCpuMicrosPerUnit()).isNaN();
  }
}
