package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.engine.EngineOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unwritable state directory is refused up front; a state write failure while running stops the instance. */
class StateStorageTest {
  @TempDir Path dir;

  @Test
  void shouldRefuseToStartWithAClearErrorWhenTheStateDirectoryCannotBeCreated() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    Path stateDir = file.resolve("state");

    // No broker at localhost:1: the check comes before any connection.
    assertThatThrownBy(() -> StepstreamProcessor.start(ProcessorConfig.defaults("localhost:1", stateDir),
        EngineOptions.defaults(), Duration.ofSeconds(5)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The state directory " + stateDir.toAbsolutePath() + " is not writable")
        .hasMessageContaining("--state-dir")
        .hasMessageContaining("nothing is lost");
  }

  @Test
  void shouldAcceptAWritableStateDirectoryAndLeaveNoProbeFileBehind() throws IOException {
    Path stateDir = dir.resolve("new").resolve("state");

    StateStorage.requireWritable(stateDir);

    try (var files = Files.list(stateDir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void shouldTreatFailedStateWritesAsStorageFailures() {
    assertThat(StateStorage.isStorageFailure(new StreamsException(
        new ProcessorStateException("Error while executing flush from store executions")))).isTrue();
    assertThat(StateStorage.isStorageFailure(new StreamsException(
        new UncheckedIOException(new IOException("No space left on device"))))).isTrue();
    assertThat(StateStorage.isStorageFailure(new StreamsException("task failed",
        new IllegalStateException("Read-only file system")))).isTrue();
  }

  @Test
  void shouldNotTreatOtherFailuresAsStorageFailures() {
    assertThat(StateStorage.isStorageFailure(new StreamsException(new NullPointerException("bug")))).isFalse();
    assertThat(StateStorage.isStorageFailure(new IllegalArgumentException("bad record"))).isFalse();
  }
}
