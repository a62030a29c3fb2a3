package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Iterations;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.MapRunProgress;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import dev.stepstream.engine.task.MapRunTasks;

/**
 * A Distributed Map page by page, so that nothing in the execution state grows with the item count:
 * the ItemReader returns one page and the next cursor; the page's items run as the Map frame's
 * iterations (at most MaxConcurrency at a time); the page's results go to the ResultWriter as one
 * part (or are kept for the output when there is none, within the 256 KiB payload limit); then the
 * next page is read. After the last page the ResultWriter writes its manifest. The counters and
 * limits live in the frame's {@link MapRunProgress}.
 */
final class MapRunPages {
  /** Items per page asked of the reader. */
  static final int PAGE_ITEMS = 1_000;
  /** Bytes of item JSON per page asked of the reader (it returns at least one item). */
  static final int PAGE_BYTES = 256 * 1024;
  /** Error name per AWS; the cause wording is not confirmed. */
  static final String TOLERANCE_EXCEEDED = "The specified tolerated failure threshold was exceeded";

  private MapRunPages() {}

  /** Asks the ItemReader for the page after the progress's cursor. */
  static void readNext(Run run, Frame f, MapState s) {
    MapRunProgress progress = f.mapRun();
    EvalContext me = DistributedMaps.mapContext(run, f, s);
    JsonNode reader = DistributedMaps.itemReader(s, me);
    ObjectNode request = Json.NODES.objectNode();
    request.set("ItemReader", reader);
    request.put("MapRunArn", DistributedMaps.mapRunArn(run, f, s));
    ObjectNode page = request.putObject("Page");
    page.set("Cursor", progress.cursor() == null ? Json.NODES.nullNode() : progress.cursor());
    page.put("MaxItems", PAGE_ITEMS).put("MaxBytes", PAGE_BYTES).put("Read", progress.itemsRead());
    DistributedMaps.schedule(run, f, s, reader.path("Resource").asText(""), MapRunTasks.ITEM_READER, request, me);
  }

  /** The reader returned a page, the writer wrote a part, or the writer wrote the manifest. */
  static void taskSucceeded(Run run, Frame f, MapState s, JsonNode output) {
    if (output.has("ResultWriterDetails")) {
      ObjectNode result = Json.NODES.objectNode();
      result.put("MapRunArn", DistributedMaps.mapRunArn(run, f, s));
      result.set("ResultWriterDetails", output.get("ResultWriterDetails"));
      DistributedMaps.succeed(run, f, s, result);
      return;
    }
    if (output.has("PartWritten")) {
      f.trackMapRun(f.mapRun().written(output.path("PartWritten").path("Results").asInt(0)));
      next(run, f, s);
      return;
    }
    JsonNode items = output.path("Items");
    if (!items.isArray()) {
      DistributedMaps.failRun(run, f, ErrorNames.ITEM_READER_FAILED, "The item reader returned no Items array.");
      return;
    }
    pageRead(run, f, s, items, output.get("NextCursor"));
  }

  /** Runs a page of items; {@code next} is the cursor of the page after it, null (or JSON null) after the last. */
  static void pageRead(Run run, Frame f, MapState s, JsonNode items, JsonNode next) {
    MapRunProgress progress = f.mapRun();
    EvalContext me = DistributedMaps.mapContext(run, f, s);
    JsonNode[] inputs = MapStates.prepare(s, me, items, progress.itemsRead());
    MapRunProgress read = progress.pageRead(items.size(), inputs.length, next == null || next.isNull() ? null : next);
    f.trackMapRun(read);
    if (read.exceedsTolerance()) {
      // The last page fixed the total: the failures so far may now exceed the percentage.
      failTolerance(run, f, null, null);
      return;
    }
    // The run's tolerance is decided here, across pages: the page's own never fails the Map.
    f.fanOut(new Iterations(inputs, read.maxConcurrency(), Long.MAX_VALUE, -1));
    if (inputs.length == 0) {
      pageDone(run, f, s);
      return;
    }
    MapStates.startMore(run, f, s);
  }

  static void childSucceeded(Run run, Frame p, MapState s, Step.ChildDone done) {
    p.childSucceeded(done.childIndex(), done.output());
    p.trackMapRun(p.mapRun().childSucceeded());
    MapStates.afterChild(run, p, s, p.lastEventId());
  }

  static void childFailed(Run run, Frame p, MapState s, Step.ChildFailed failed) {
    childFailed(run, p, s, failed, null);
  }

  /** @param shape the failed child execution's shape to keep as its result (for the ResultWriter), or null */
  static void childFailed(Run run, Frame p, MapState s, Step.ChildFailed failed, JsonNode shape) {
    p.iterationFailed();
    MapRunProgress progress = p.mapRun().childFailed();
    p.trackMapRun(progress);
    if (!progress.exceedsTolerance()) {
      ObjectNode errorOutput = Json.NODES.objectNode();
      errorOutput.put("Error", failed.error());
      if (failed.cause() != null) {
        errorOutput.put("Cause", failed.cause());
      }
      p.iterationTolerated(failed.childIndex(), shape == null ? errorOutput : shape);
      MapStates.afterChild(run, p, s, p.lastEventId());
      return;
    }
    // The page's results, inputs not yet started and halted iterations stay for a redrive.
    Children.haltAll(run, p, null);
    run.stopMapRunChildren(p, failed.childIndex());
    failTolerance(run, p, failed.error(), failed.cause());
  }

  /** Past the tolerance: AWS's threshold error when one is set, else the child's own error. */
  private static void failTolerance(Run run, Frame p, String error, String cause) {
    if (p.mapRun().toleranceSet() || error == null) {
      DistributedMaps.failRun(run, p, ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, TOLERANCE_EXCEEDED);
    } else {
      DistributedMaps.failRun(run, p, error, cause);
    }
  }

  /** Every child of the page is done: its results go to the writer as one part, or are kept. */
  static void pageDone(Run run, Frame p, MapState s) {
    Iterations page = p.iterations();
    MapRunProgress progress = p.mapRun();
    long firstIndex = progress.total() - page.size();
    ArrayNode results = Children.results(page);
    Children.discard(run, p);
    if (progress.results() != null) {
      MapRunProgress kept = progress.withResults(results);
      int limit = run.options().maxPayloadBytes();
      if (Json.utf8Size(Json.write(kept.results()), limit) > limit) {
        // Without a ResultWriter the results are the state's output, which AWS bounds at 256 KiB.
        DistributedMaps.failRun(run, p, ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + s.name()
            + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        return;
      }
      p.trackMapRun(kept);
      next(run, p, s);
      return;
    }
    if (results.isEmpty()) {
      next(run, p, s);
      return;
    }
    ObjectNode request = writerRequest(run, p, s);
    request.put("Part", progress.pages() - 1);
    request.set("Results", DistributedMaps.writerEntries(results, firstIndex,
        progress.childExecutions() ? progress.mapRunArn() : null));
    scheduleWriter(run, p, s, request);
  }

  /** The next page, or the end of the Map Run after the last one. */
  private static void next(Run run, Frame p, MapState s) {
    MapRunProgress progress = p.mapRun();
    if (!progress.exhausted()) {
      readNext(run, p, s);
      return;
    }
    if (progress.results() != null) {
      DistributedMaps.succeed(run, p, s, progress.results());
      return;
    }
    ObjectNode request = writerRequest(run, p, s);
    request.putObject("Manifest").put("Parts", progress.pages()).put("ResultsWritten", progress.resultsWritten());
    scheduleWriter(run, p, s, request);
  }

  private static ObjectNode writerRequest(Run run, Frame p, MapState s) {
    ObjectNode request = Json.NODES.objectNode();
    request.set("ResultWriter", DistributedMaps.resultWriter(s, DistributedMaps.mapContext(run, p, s)));
    request.put("MapRunArn", DistributedMaps.mapRunArn(run, p, s));
    request.put("ExecutionArn", run.header().executionArn());
    return request;
  }

  private static void scheduleWriter(Run run, Frame p, MapState s, ObjectNode request) {
    DistributedMaps.schedule(run, p, s, request.path("ResultWriter").path("Resource").asText(""),
        MapRunTasks.RESULT_WRITER, request, DistributedMaps.mapContext(run, p, s));
  }
}
