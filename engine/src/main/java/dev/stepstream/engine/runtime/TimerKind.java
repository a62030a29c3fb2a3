package dev.stepstream.engine.runtime;

/** Why a timer was started; decides what its TimerFired does. */
public enum TimerKind {
  WAIT,
  RETRY_BACKOFF,
  TASK_TIMEOUT,
  HEARTBEAT_TIMEOUT,
  EXECUTION_TIMEOUT
}
