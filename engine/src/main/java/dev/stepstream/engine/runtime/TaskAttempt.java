package dev.stepstream.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scheduled task: the token its result must carry, its timeout timers, and whether the worker has
 * reported in yet (activities start when a worker first answers).
 *
 * @param timeoutTimerId the TimeoutSeconds timer, or null when none is armed
 * @param heartbeatTimerId the HeartbeatSeconds timer, or null
 * @param heartbeatSeconds HeartbeatSeconds of the task, 0 for none (restarts the heartbeat timer)
 */
public record TaskAttempt(String token, String timeoutTimerId, String heartbeatTimerId, boolean started,
    long heartbeatSeconds) implements StateWork {

  public TaskAttempt {
    Objects.requireNonNull(token, "token");
  }

  @Override
  public List<String> timerIds() {
    List<String> ids = new ArrayList<>(2);
    if (timeoutTimerId != null) {
      ids.add(timeoutTimerId);
    }
    if (heartbeatTimerId != null) {
      ids.add(heartbeatTimerId);
    }
    return ids;
  }

  TaskAttempt markStarted() {
    return started ? this : new TaskAttempt(token, timeoutTimerId, heartbeatTimerId, true, heartbeatSeconds);
  }

  TaskAttempt withHeartbeatTimer(String timerId) {
    return new TaskAttempt(token, timeoutTimerId, timerId, started, heartbeatSeconds);
  }

  /** The same attempt without the timer that just fired (it is no longer pending). */
  TaskAttempt withoutTimer(String timerId) {
    return new TaskAttempt(token, timerId.equals(timeoutTimerId) ? null : timeoutTimerId,
        timerId.equals(heartbeatTimerId) ? null : heartbeatTimerId, started, heartbeatSeconds);
  }
}
