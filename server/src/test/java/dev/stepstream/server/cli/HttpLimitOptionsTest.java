package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.server.api.HttpLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HttpLimitOptionsTest {

  @Test
  void shouldDefaultToTheDocumentedLimits() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--kafka", "k:9092");

    assertThat(serve.httpLimits.limits()).isEqualTo(HttpLimits.DEFAULTS);
    assertThat(HttpLimits.DEFAULTS).isEqualTo(new HttpLimits(1_000, 256, Duration.ofSeconds(30), 0));
  }

  @Test
  void shouldTakeEachLimitFromItsOption() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--kafka", "k:9092", "--max-connections", "50", "--max-concurrent-requests", "8",
        "--http-idle-timeout", "PT5S");

    assertThat(serve.httpLimits.limits()).isEqualTo(new HttpLimits(50, 8, Duration.ofSeconds(5), 0));
  }
}
