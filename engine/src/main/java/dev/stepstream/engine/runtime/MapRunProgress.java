package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A paged Distributed Map's progress, kept on its frame across pages: the reader's cursor, the
 * counters of its child executions (items, or batches with an ItemBatcher) and the run's limits.
 * Nothing here grows with the item count except {@link #results}, which is kept only without a
 * ResultWriter and is bounded by the 256 KiB payload limit. Immutable; every change is a copy.
 *
 * @param mapRunArn the Map Run's ARN
 * @param cursor the reader's cursor for the next page; null before the first page
 * @param exhausted true once the last page was read (then {@link #total} is final)
 * @param pages pages read so far (the part number of the page in progress is {@code pages - 1})
 * @param itemsRead items read so far, before batching ({@code $$.Map.Item.Index} of the next one)
 * @param total child executions created so far
 * @param succeeded child executions that succeeded
 * @param failed child executions that failed (tolerated or not)
 * @param resultsWritten results handed to the ResultWriter so far
 * @param maxConcurrency 0 for no limit
 * @param toleratedFailureCount -1 when not set
 * @param toleratedFailurePercentage -1 when not set
 * @param results the results so far when there is no ResultWriter, else null
 * @param childExecutions true when the items run as child executions of their own (the processor);
 *     false when they run as iterations of the Map's frame (run-local, and Map Runs stored before
 *     execution state format 8)
 */
public record MapRunProgress(String mapRunArn, JsonNode cursor, boolean exhausted, int pages, long itemsRead, long total,
    long succeeded, long failed, long resultsWritten, int maxConcurrency, long toleratedFailureCount,
    double toleratedFailurePercentage, ArrayNode results, boolean childExecutions) {

  /** A Map Run whose items run as iterations of the Map's frame (as stored before format 8). */
  public MapRunProgress(String mapRunArn, JsonNode cursor, boolean exhausted, int pages, long itemsRead, long total,
      long succeeded, long failed, long resultsWritten, int maxConcurrency, long toleratedFailureCount,
      double toleratedFailurePercentage, ArrayNode results) {
    this(mapRunArn, cursor, exhausted, pages, itemsRead, total, succeeded, failed, resultsWritten, maxConcurrency,
        toleratedFailureCount, toleratedFailurePercentage, results, false);
  }

  /** A Map Run before its first page. */
  public static MapRunProgress start(String mapRunArn, int maxConcurrency, long toleratedFailureCount,
      double toleratedFailurePercentage, boolean keepResults, boolean childExecutions) {
    return new MapRunProgress(mapRunArn, null, false, 0, 0, 0, 0, 0, 0, maxConcurrency, toleratedFailureCount,
        toleratedFailurePercentage, keepResults ? Json.NODES.arrayNode() : null, childExecutions);
  }

  /** A page of {@code items} items became {@code children} child executions; {@code next} is null after the last page. */
  public MapRunProgress pageRead(int items, int children, JsonNode next) {
    return new MapRunProgress(mapRunArn, next, next == null || next.isNull(), pages + 1, itemsRead + items, total + children,
        succeeded, failed, resultsWritten, maxConcurrency, toleratedFailureCount, toleratedFailurePercentage,
        results, childExecutions);
  }

  public MapRunProgress childSucceeded() {
    return withCounts(succeeded + 1, failed);
  }

  public MapRunProgress childFailed() {
    return withCounts(succeeded, failed + 1);
  }

  /** Redrive: the page's {@code rerun} failed children run again and no longer count as failed. */
  public MapRunProgress redriven(int rerun) {
    return withCounts(succeeded, Math.max(0, failed - rerun));
  }

  public MapRunProgress written(int count) {
    return new MapRunProgress(mapRunArn, cursor, exhausted, pages, itemsRead, total, succeeded, failed, resultsWritten + count,
        maxConcurrency, toleratedFailureCount, toleratedFailurePercentage, results, childExecutions);
  }

  /** The page's results appended to those kept for the output. */
  public MapRunProgress withResults(ArrayNode page) {
    ArrayNode all = results.deepCopy();
    all.addAll(page);
    return new MapRunProgress(mapRunArn, cursor, exhausted, pages, itemsRead, total, succeeded, failed, resultsWritten,
        maxConcurrency, toleratedFailureCount, toleratedFailurePercentage, all, childExecutions);
  }

  /** UpdateMapRun: new limits (a negative argument keeps the current value). */
  public MapRunProgress withLimits(int newMaxConcurrency, long newToleratedFailureCount,
      double newToleratedFailurePercentage) {
    return new MapRunProgress(mapRunArn, cursor, exhausted, pages, itemsRead, total, succeeded, failed, resultsWritten,
        newMaxConcurrency < 0 ? maxConcurrency : newMaxConcurrency,
        newToleratedFailureCount < 0 ? toleratedFailureCount : newToleratedFailureCount,
        newToleratedFailurePercentage < 0 ? toleratedFailurePercentage : newToleratedFailurePercentage, results, childExecutions);
  }

  /** The Map Run index of the current page's first child (the page's children are the last counted). */
  public long pageStart(Iterations page) {
    return total - page.size();
  }

  public boolean toleranceSet() {
    return toleratedFailureCount >= 0 || toleratedFailurePercentage >= 0;
  }

  /**
   * True once the failures exceed what the Map tolerates: any failure when no threshold is set;
   * more than ToleratedFailureCount; a percentage of all child executions above
   * ToleratedFailurePercentage. The percentage is of the final total, as on AWS, so it is only
   * decided once the last page was read: before that, more items may still dilute the failures.
   */
  public boolean exceedsTolerance() {
    if (!toleranceSet()) {
      return failed > 0;
    }
    boolean overCount = toleratedFailureCount >= 0 && failed > toleratedFailureCount;
    boolean overPercent = toleratedFailurePercentage >= 0 && exhausted && total > 0
        && 100.0 * failed / total > toleratedFailurePercentage;
    return overCount || overPercent;
  }

  private MapRunProgress withCounts(long newSucceeded, long newFailed) {
    return new MapRunProgress(mapRunArn, cursor, exhausted, pages, itemsRead, total, newSucceeded, newFailed, resultsWritten,
        maxConcurrency, toleratedFailureCount, toleratedFailurePercentage, results, childExecutions);
  }
}
