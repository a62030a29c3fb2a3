package dev.stepstream.worker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.worker.TaskFailure;
import java.io.UncheckedIOException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailureMappingTest {

  @Test
  void shouldKeepTheErrorNameAndCauseOfATaskFailure() {
    FailureMapping.Failure failure = FailureMapping.of(new TaskFailure("Image.TooLarge", "12 MiB > 10 MiB"));

    assertThat(failure).isEqualTo(new FailureMapping.Failure("Image.TooLarge", "12 MiB > 10 MiB"));
  }

  @Test
  void shouldNameAnyOtherExceptionByItsFullyQualifiedClassNameLikeTheLambdaJavaRuntime() {
    FailureMapping.Failure failure = FailureMapping.of(new IllegalStateException("no disk"));

    assertThat(failure).isEqualTo(new FailureMapping.Failure("java.lang.IllegalStateException", "no disk"));
  }

  @Test
  void shouldUseTheOuterExceptionNotItsCause() {
    FailureMapping.Failure failure = FailureMapping.of(new UncheckedIOException("write failed", new IOException("disk full")));

    assertThat(failure.error()).isEqualTo("java.io.UncheckedIOException");
    assertThat(failure.cause()).isEqualTo("write failed");
  }

  @Test
  void shouldNameNestedExceptionClassesAsTheJvmDoes() {
    assertThat(FailureMapping.of(new Custom()).error())
        .isEqualTo("dev.stepstream.worker.internal.FailureMappingTest$Custom");
  }

  @Test
  void shouldLeaveTheCauseOutWhenTheExceptionHasNoMessage() {
    assertThat(FailureMapping.of(new Custom()).cause()).isNull();
  }

  @Test
  void shouldCutTheCauseToTheSendTaskFailureLimit() {
    FailureMapping.Failure failure = FailureMapping.of(new TaskFailure("E", "x".repeat(40_000)));

    assertThat(failure.cause()).hasSize(FailureMapping.MAX_CAUSE_LENGTH);
  }

  @Test
  void shouldCutTheErrorToTheSendTaskFailureLimit() {
    FailureMapping.Failure failure = FailureMapping.of(new TaskFailure("E".repeat(300), null));

    assertThat(failure.error()).hasSize(FailureMapping.MAX_ERROR_LENGTH);
  }

  @Test
  void shouldNotSplitASurrogatePairWhenCutting() {
    String text = "a".repeat(FailureMapping.MAX_ERROR_LENGTH - 1) + "\uD83D\uDE00";

    assertThat(FailureMapping.truncate(text, FailureMapping.MAX_ERROR_LENGTH)).hasSize(FailureMapping.MAX_ERROR_LENGTH - 1);
  }

  @Test
  void shouldRefuseATaskFailureWithoutAnErrorName() {
    assertThatThrownBy(() -> new TaskFailure(" ", "cause")).isInstanceOf(IllegalArgumentException.class);
  }

  private static final class Custom extends RuntimeException {}
}
