package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class StartupProgressTest {
  private static final TopicPartition CHANGELOG = new TopicPartition("app-executions-changelog", 0);

  @Test
  void shouldKeepWaitingPastTheStallTimeoutWhileStateIsBeingRestored() throws Exception {
    StartupProgress progress = new StartupProgress();
    progress.onChange(State.REBALANCING, State.CREATED);
    progress.onRestoreStart(CHANGELOG, "executions", 0, 1_000);
    CompletableFuture<Void> restoring = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < 10; i++) {
        sleep(100);
        progress.onBatchRestored(CHANGELOG, "executions", i * 100L, 100);
      }
      progress.onRestoreEnd(CHANGELOG, "executions", 1_000);
      progress.onChange(State.RUNNING, State.REBALANCING);
    });

    progress.awaitRunning(Duration.ofMillis(400));

    assertThat(restoring).succeedsWithin(1, TimeUnit.SECONDS);
  }

  @Test
  void shouldGiveUpAfterTheStallTimeoutSayingWhatItWaitsFor() {
    StartupProgress progress = new StartupProgress();
    progress.onChange(State.REBALANCING, State.CREATED);
    progress.onRestoreStart(CHANGELOG, "executions", 0, 1_000);
    progress.onBatchRestored(CHANGELOG, "executions", 100, 100);

    assertThatThrownBy(() -> progress.awaitRunning(Duration.ofMillis(200)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no progress for 0 s while in state REBALANCING")
        .hasMessageContaining("restored 100 of 1000 records, last executions (app-executions-changelog-0)")
        .hasMessageContaining("find-hanging");
  }

  @Test
  void shouldFailAtOnceWhenTheProcessorStops() {
    StartupProgress progress = new StartupProgress();
    progress.onChange(State.ERROR, State.REBALANCING);

    assertThatThrownBy(() -> progress.awaitRunning(Duration.ofMinutes(1)))
        .hasMessageContaining("stopped while starting (state ERROR)");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
