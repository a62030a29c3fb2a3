package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.ExecutionStatus;
import java.util.Optional;

/**
 * DescribeMapRun's {@code itemCounts}, {@code executionCounts} and the limits in force from a paged Distributed Map's
 * counters: live from the Map frame while it runs, or as recorded in the header when it ended.
 * A child execution is one item, or one batch with an ItemBatcher; {@code itemCounts.total} then
 * counts the items read while the other item counts are those of the batches. Children that fail
 * by timing out count as failed; a Map Run that fails aborts the children still running.
 */
public final class MapRunCounts {
  private MapRunCounts() {}

  /** The counts of {@code mapRunArn} in {@code state}, or empty when it holds no such Map Run. */
  public static Optional<JsonNode> find(ExecutionState state, String mapRunArn) {
    JsonNode finished = state.header().finishedMapRuns();
    boolean running = state.header().status() == ExecutionStatus.RUNNING;
    if (!running && finished != null && finished.has(mapRunArn)) {
      return Optional.of(finished.get(mapRunArn));
    }
    // A halted Map frame (the execution stopped, or a redrive runs it again) keeps its live counters.
    for (Frame f : state.frames().values()) {
      MapRunProgress p = f.mapRun();
      if (p != null && mapRunArn.equals(p.mapRunArn())) {
        return Optional.of(of(p, f.iterations(), !running));
      }
    }
    return finished == null || !finished.has(mapRunArn) ? Optional.empty() : Optional.of(finished.get(mapRunArn));
  }

  /**
   * {@code {"itemCounts": {...}, "executionCounts": {...}}}.
   *
   * @param page the page in progress, or null between pages
   * @param ended true when the Map Run ended: children still running count as aborted
   */
  public static ObjectNode of(MapRunProgress p, Iterations page, boolean ended) {
    long running = page == null ? 0 : page.started() - page.done();
    long pending = page == null ? 0 : page.size() - page.started();
    ObjectNode out = Json.NODES.objectNode();
    ObjectNode executions = counts(p, ended ? 0 : running, ended ? running : 0, pending, p.total());
    out.set("itemCounts", counts(p, ended ? 0 : running, ended ? running : 0, pending, p.itemsRead()));
    out.set("executionCounts", executions);
    out.putObject("limits").put("maxConcurrency", p.maxConcurrency())
        .put("toleratedFailureCount", p.toleratedFailureCount())
        .put("toleratedFailurePercentage", p.toleratedFailurePercentage());
    return out;
  }

  private static ObjectNode counts(MapRunProgress p, long running, long aborted, long pending, long total) {
    return Json.NODES.objectNode()
        .put("pending", pending)
        .put("running", running)
        .put("succeeded", p.succeeded())
        .put("failed", p.failed())
        .put("timedOut", 0)
        .put("aborted", aborted)
        .put("total", total)
        .put("resultsWritten", p.resultsWritten())
        .put("failuresNotRedrivable", 0)
        .put("pendingRedrive", 0);
  }
}
