package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.eval.AslException;
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
 * The Map state (inline, and DISTRIBUTED without ItemReader run the same way): one child frame per
 * item (or batch), at most MaxConcurrency at a time (0 = no limit), results in item order.
 */
final class MapStates {
  private MapStates() {}

  static void enter(Run run, Frame f, MapState s) {
    if (s.distributed().itemReader().isPresent()) {
      throw new AslException(ErrorNames.RUNTIME, "Distributed Map ItemReader is not supported by this engine");
    }
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    JsonNode effective = Flow.afterInputPath(s, ec);
    EvalContext me = ec.withInput(effective);
    JsonNode items = MapLimits.items(s, me, effective);
    JsonNode[] inputs = batch(s, selectItems(s, me, items));
    int maxConcurrency = MapLimits.maxConcurrency(s, me);
    long toleratedFailureCount = MapLimits.toleratedFailureCount(s, me);
    double toleratedFailurePercentage = MapLimits.toleratedFailurePercentage(s, me);
    ObjectNode started = Json.NODES.objectNode().put("length", inputs.length);
    run.emitFor(f, "MapStateStarted", "mapStateStartedEventDetails", started);
    f.fanOut(new Iterations(inputs, maxConcurrency, toleratedFailureCount, toleratedFailurePercentage));
    if (inputs.length == 0) {
      succeed(run, f, s, f.lastEventId());
      return;
    }
    startMore(run, f, s);
  }

  private static JsonNode[] selectItems(MapState s, EvalContext me, JsonNode items) {
    JsonNode[] selected = new JsonNode[items.size()];
    for (int i = 0; i < selected.length; i++) {
      JsonNode item = items.get(i);
      if (s.itemSelector().isPresent()) {
        EvalContext ic = new EvalContext(me.input(), ContextObject.withMapItem((ObjectNode) me.context(), i, item),
            me.variables(), me.result(), me.errorOutput(), me.random(), me.nowMillis());
        selected[i] = s.itemSelector().get().evaluate(ic);
      } else {
        selected[i] = item;
      }
    }
    return selected;
  }

  /** ItemBatcher: MaxItemsPerBatch items per child, as {"Items": [...], "BatchInput": ...}. */
  private static JsonNode[] batch(MapState s, JsonNode[] items) {
    if (s.distributed().itemBatcher().isEmpty()) {
      return items;
    }
    JsonNode batcher = s.distributed().itemBatcher().get();
    int perBatch = batcher.path("MaxItemsPerBatch").asInt(0);
    if (perBatch <= 0) {
      perBatch = Math.max(1, items.length);
    }
    int batches = (items.length + perBatch - 1) / perBatch;
    JsonNode[] out = new JsonNode[batches];
    for (int b = 0; b < batches; b++) {
      ObjectNode batch = Json.NODES.objectNode();
      if (batcher.has("BatchInput")) {
        batch.set("BatchInput", batcher.get("BatchInput"));
      }
      ArrayNode list = batch.putArray("Items");
      for (int i = b * perBatch; i < Math.min(items.length, (b + 1) * perBatch); i++) {
        list.add(items[i]);
      }
      out[b] = batch;
    }
    return out;
  }

  static void startMore(Run run, Frame p, MapState s) {
    while (p.iterations().canStartMore()) {
      int index = p.startIteration();
      long started = run.emit("MapIterationStarted", p.lastEventId(), "mapIterationStartedEventDetails",
          History.mapIteration(s.name(), index));
      Children.start(run, p, index, s.itemProcessor().graph().startAt(), p.takeIterationInput(index), started);
    }
  }

  static void childDone(Run run, Frame p, MapState s, Step.ChildDone done) {
    p.childSucceeded(done.childIndex(), done.output());
    long id = run.emit("MapIterationSucceeded", done.lastEventId(), "mapIterationSucceededEventDetails",
        History.mapIteration(s.name(), done.childIndex()));
    afterChild(run, p, s, id);
  }

  static void childFailed(Run run, Frame p, MapState s, Step.ChildFailed failed) {
    long id = run.emit("MapIterationFailed", failed.lastEventId(), "mapIterationFailedEventDetails",
        History.mapIteration(s.name(), failed.childIndex()));
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
    Children.haltAll(run, p, index -> run.emit("MapIterationAborted", p.lastEventId(), "mapIterationAbortedEventDetails",
        History.mapIteration(s.name(), index)));
    p.follow(run.emit("MapStateFailed", id, null, null));
    if (toleranceSet) {
      // Error name per AWS; the cause wording is not confirmed.
      run.schedule(new Step.Failed(p.id(), ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
          "The specified tolerated failure threshold was exceeded"));
    } else {
      run.schedule(new Step.Failed(p.id(), failed.error(), failed.cause()));
    }
  }

  private static void afterChild(Run run, Frame p, MapState s, long previousEventId) {
    if (p.children().allDone()) {
      succeed(run, p, s, previousEventId);
    } else {
      startMore(run, p, s);
    }
  }

  private static void succeed(Run run, Frame p, MapState s, long previousEventId) {
    ArrayNode result = Children.results(p.children());
    Children.discard(run, p);
    p.follow(run.emit("MapStateSucceeded", previousEventId, null, null));
    EvalContext ec = Flow.eval(run, p, p.input(), null);
    Flow.Outcome out = Flow.output(s, ec, result);
    Flow.exit(run, p, s, out.output(), out.assigned(), s.next());
  }
}
