package dev.stepstream.worker;

/**
 * A snapshot of a worker's counters since it started.
 *
 * @param succeeded tasks answered with TaskSucceeded (acknowledged by the broker)
 * @param failed tasks answered with TaskFailed (acknowledged by the broker)
 * @param deferred tasks whose handler chose not to complete them ({@link TaskWorker#NO_RESULT})
 * @param skipped records that were not a valid TaskRequest and were skipped
 * @param heartbeats heartbeats acknowledged by the broker
 */
public record WorkerMetrics(long succeeded, long failed, long deferred, long skipped, long heartbeats) {

  /** Tasks answered with a result, successful or not. */
  public long completed() {
    return succeeded + failed;
  }
}
