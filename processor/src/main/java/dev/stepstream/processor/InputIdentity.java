package dev.stepstream.processor;

import dev.stepstream.wire.Continue;
import dev.stepstream.wire.RedriveExecution;
import dev.stepstream.wire.UpdateMapRun;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TimerFired;
import dev.stepstream.wire.WireRecord;
import java.util.Optional;

/**
 * The identity an input carries itself, so that a second delivery of the same input is recognised
 * after a crash (offsets are not usable: the restored state may be ahead of the committed offsets).
 * Heartbeats have none: applying one twice is harmless and their outputs are only timer restarts.
 */
final class InputIdentity {
  private InputIdentity() {}

  static Optional<String> of(WireRecord input) {
    if (input instanceof TaskSucceeded r) {
      return Optional.of("task:" + r.taskToken());
    } else if (input instanceof TaskFailed r) {
      return Optional.of("task:" + r.taskToken());
    } else if (input instanceof TimerFired t) {
      return Optional.of("timer:" + t.timerId());
    } else if (input instanceof Continue c) {
      return Optional.of("continue:" + c.sequence());
    } else if (input instanceof StartExecution s) {
      return Optional.of("start:" + s.executionArn());
    } else if (input instanceof StopExecution s) {
      return Optional.of("stop:" + s.requestedAt());
    } else if (input instanceof RedriveExecution r) {
      return Optional.of("redrive:" + r.requestedAt());
    } else if (input instanceof UpdateMapRun u) {
      return Optional.of("updateMapRun:" + u.requestedAt() + ":" + u.mapRunArn());
    }
    return Optional.empty();
  }
}
