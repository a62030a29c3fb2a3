package dev.stepstream.engine.runtime;

import java.util.List;
import java.util.Objects;

/** A Wait state waiting for its timer. */
public record WaitTimer(String timerId) implements StateWork {
  public WaitTimer {
    Objects.requireNonNull(timerId, "timerId");
  }

  @Override
  public List<String> timerIds() {
    return List.of(timerId);
  }
}
