package dev.stepstream.wire;

/** A record on the commands topic, keyed by the execution ARN it concerns. */
public sealed interface Command extends WireRecord
    permits StartExecution, StopExecution, RedriveExecution, TimerFired, Continue, UpdateMapRun {
  String executionArn();
}
