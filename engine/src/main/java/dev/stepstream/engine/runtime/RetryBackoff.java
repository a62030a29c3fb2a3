package dev.stepstream.engine.runtime;

import java.util.List;
import java.util.Objects;

/** A failed state waiting out its retrier's back-off before it runs again. */
public record RetryBackoff(String timerId) implements StateWork {
  public RetryBackoff {
    Objects.requireNonNull(timerId, "timerId");
  }

  @Override
  public List<String> timerIds() {
    return List.of(timerId);
  }
}
