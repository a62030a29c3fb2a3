package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.engine.runtime.ContextObject;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.History;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.Iterations;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;

/**
 * The Map state: one child frame per item (or batch), at most MaxConcurrency at a time (0 = no
 * limit), results in item order. A DISTRIBUTED Map runs its items the same way; its Map Run, reader
 * and writer are {@link DistributedMaps}.
 */
final class MapStates {
  private static final String TOLERANCE_EXCEEDED = MapRunPages.TOLERANCE_EXCEEDED;

  private MapStates() {}

  static void enter(Run run, Frame f, MapState s) {
    if (DistributedMaps.distributed(s)) {
      DistributedMaps.enter(run, f, s);
      return;
    }
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    JsonNode effective = Flow.afterInputPath(s, ec);
    EvalContext me = ec.withInput(effective);
    run(run, f, s, me, MapLimits.items(s, me, effective));
  }

  /** Starts the iterations over {@code items} (a Distributed Map records no MapStateStarted here). */
  static void run(Run run, Frame f, MapState s, EvalContext me, JsonNode items) {
    JsonNode[] inputs = prepare(s, me, items, 0);
    int maxConcurrency = MapLimits.maxConcurrency(s, me);
    long toleratedFailureCount = MapLimits.toleratedFailureCount(s, me);
    double toleratedFailurePercentage = MapLimits.toleratedFailurePercentage(s, me);
    if (!DistributedMaps.distributed(s)) {
      ObjectNode started = Json.NODES.objectNode().put("length", inputs.length);
      run.emitFor(f, "MapStateStarted", "mapStateStartedEventDetails", started);
    }
    f.fanOut(new Iterations(inputs, maxConcurrency, toleratedFailureCount, toleratedFailurePercentage));
    if (inputs.length == 0) {
      succeed(run, f, s, f.lastEventId());
      return;
    }
    startMore(run, f, s);
  }

  /** The iterations' inputs: ItemSelector over each item ({@code $$.Map.Item.Index} from {@code firstIndex}), then ItemBatcher. */
  static JsonNode[] prepare(MapState s, EvalContext me, JsonNode items, long firstIndex) {
    return batch(s, selectItems(s, me, items, firstIndex));
  }

  private static JsonNode[] selectItems(MapState s, EvalContext me, JsonNode items, long firstIndex) {
    JsonNode[] selected = new JsonNode[items.size()];
    for (int i = 0; i < selected.length; i++) {
      JsonNode item = items.get(i);
      if (s.itemSelector().isPresent()) {
        int index = (int) (firstIndex + i);
        EvalContext ic = new EvalContext(me.input(), ContextObject.withMapItem((ObjectNode) me.context(), index, item),
            me.variables(), me.result(), me.errorOutput(), me.random(), me.nowMillis());
        selected[i] = s.itemSelector().get().evaluate(ic);
      } else {
        selected[i] = item;
      }
    }
    return selected;
  }

  private static JsonNode[] batch(MapState s, JsonNode[] items) {
    return s.distributed().itemBatcher().isEmpty() ? items : ItemBatches.of(s.distributed().itemBatcher().get(), items);
  }

  static void startMore(Run run, Frame p, MapState s) {
    while (p.iterations().canStartMore()) {
      int index = p.startIteration();
      if (MapRunChildExecutions.active(p)) {
        MapRunChildExecutions.start(run, p, s, index, p.takeIterationInput(index));
        continue;
      }
      long started = DistributedMaps.distributed(s) ? p.lastEventId()
          : run.emit("MapIterationStarted", p.lastEventId(), "mapIterationStartedEventDetails",
              History.mapIteration(s.name(), index));
      Children.start(run, p, index, s.itemProcessor().graph().startAt(), p.takeIterationInput(index), started);
    }
  }

  static void childDone(Run run, Frame p, MapState s, Step.ChildDone done) {
    if (failedAlready(p)) {
      return;
    }
    if (p.mapRun() != null) {
      MapRunPages.childSucceeded(run, p, s, done);
      return;
    }
    p.childSucceeded(done.childIndex(), done.output());
    long id = iterationEvent(run, s, "MapIterationSucceeded", done.lastEventId(), done.childIndex());
    afterChild(run, p, s, id);
  }

  static void childFailed(Run run, Frame p, MapState s, Step.ChildFailed failed) {
    if (failedAlready(p)) {
      return;
    }
    if (p.mapRun() != null) {
      MapRunPages.childFailed(run, p, s, failed);
      return;
    }
    long id = iterationEvent(run, s, "MapIterationFailed", failed.lastEventId(), failed.childIndex());
    p.iterationFailed();
    Iterations iterations = p.iterations();
    boolean toleranceSet = iterations.toleranceSet();
    if (toleranceSet && iterations.withinTolerance()) {
      ObjectNode errorOutput = Json.NODES.objectNode();
      errorOutput.put("Error", failed.error());
      if (failed.cause() != null) {
        errorOutput.put("Cause", failed.cause());
      }
      p.iterationTolerated(failed.childIndex(), errorOutput);
      afterChild(run, p, s, id);
      return;
    }
    // Results, inputs not yet started and halted iterations stay for a redrive.
    Children.haltAll(run, p, index -> iterationEvent(run, s, "MapIterationAborted", p.lastEventId(), index));
    if (DistributedMaps.distributed(s)) {
      p.follow(id);
      if (toleranceSet) {
        DistributedMaps.itemsFailed(run, p, ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, TOLERANCE_EXCEEDED);
      } else {
        DistributedMaps.itemsFailed(run, p, failed.error(), failed.cause());
      }
      return;
    }
    p.follow(run.emit("MapStateFailed", id, null, null));
    if (toleranceSet) {
      // Error name per AWS; the cause wording is not confirmed.
      run.schedule(new Step.Failed(p.id(), ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, TOLERANCE_EXCEEDED));
    } else {
      run.schedule(new Step.Failed(p.id(), failed.error(), failed.cause()));
    }
  }

  /** True once a failure has failed the Map: results of iterations that finished in the same call are then too late. */
  static boolean failedAlready(Frame p) {
    return p.iterations().mapFailed() || (p.mapRun() != null && p.mapRun().exceedsTolerance());
  }

  static void afterChild(Run run, Frame p, MapState s, long previousEventId) {
    if (p.children().allDone() && p.mapRun() != null) {
      MapRunPages.pageDone(run, p, s);
    } else if (p.children().allDone()) {
      succeed(run, p, s, previousEventId);
    } else {
      startMore(run, p, s);
    }
  }

  private static long iterationEvent(Run run, MapState s, String type, long previousEventId, int index) {
    if (DistributedMaps.distributed(s)) {
      return previousEventId;
    }
    String details = Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    return run.emit(type, previousEventId, details, History.mapIteration(s.name(), index));
  }

  private static void succeed(Run run, Frame p, MapState s, long previousEventId) {
    ArrayNode result = Children.results(p.children());
    Children.discard(run, p);
    if (DistributedMaps.distributed(s)) {
      DistributedMaps.allDone(run, p, s, result);
      return;
    }
    p.follow(run.emit("MapStateSucceeded", previousEventId, null, null));
    EvalContext ec = Flow.eval(run, p, p.input(), null);
    Flow.Outcome out = Flow.output(s, ec, result);
    Flow.exit(run, p, s, out.output(), out.assigned(), s.next());
  }
}
