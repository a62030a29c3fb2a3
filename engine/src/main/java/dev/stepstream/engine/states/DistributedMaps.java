package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.ProcessorMode;
import dev.stepstream.asl.model.State;
import dev.stepstream.engine.Effect;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.History;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.MapRunCounts;
import dev.stepstream.engine.runtime.MapRunProgress;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import dev.stepstream.engine.task.MapRunChildren;
import dev.stepstream.engine.task.MapRunTasks;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskTokens;
import dev.stepstream.wire.WireVersions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * A DISTRIBUTED Map: its Map Run (ARN and the MapRunStarted/Succeeded/Failed events AWS records in
 * the parent's history), its ItemReader and ResultWriter tasks. The items come and go page by page
 * ({@link MapRunPages}) and run as iterations of the Map's frame, as an inline Map's do, but their
 * events stay out of the history (they belong to the Map Run's child executions on AWS).
 */
public final class DistributedMaps {
  private DistributedMaps() {}

  static boolean distributed(MapState s) {
    return s.itemProcessor().mode() == ProcessorMode.DISTRIBUTED;
  }

  /** True when a frame runs inside the items of a Distributed Map (its events are not recorded). */
  public static boolean inside(Run run, Frame f) {
    if (f == null) {
      return false;
    }
    int cursor = f.parentId();
    while (cursor != Frame.NO_PARENT) {
      Frame up = run.frame(cursor);
      if (up == null) {
        return false;
      }
      State s = run.state(up);
      if (s instanceof MapState m && distributed(m)) {
        return true;
      }
      cursor = up.parentId();
    }
    return false;
  }

  /**
   * The Map Run's ARN: {@code arn:aws:states:<region>:<account>:mapRun:<stateMachine>/<Label or id>:<id>}.
   * Derived from the execution and the Map's StateEntered event, so it needs no stored field and a
   * redrive (a new StateEntered) gets a new one.
   */
  public static String mapRunArn(Run run, Frame f, MapState s) {
    String seed = run.header().executionArn() + "#" + f.id() + "#" + f.enteredEventId();
    String id = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    String label = s.distributed().label()
        .orElseGet(() -> UUID.nameUUIDFromBytes(("label#" + seed).getBytes(StandardCharsets.UTF_8)).toString());
    String stateMachine = run.header().stateMachineArn();
    int at = stateMachine.indexOf(":stateMachine:");
    String base = at < 0 ? stateMachine : stateMachine.substring(0, at) + ":mapRun:"
        + unqualified(stateMachine.substring(at + ":stateMachine:".length()));
    return base + "/" + label + ":" + id;
  }

  private static String unqualified(String name) {
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }

  /**
   * Starts the Map Run: AWS records a length of 0 (the items are not known yet), then MapRunStarted.
   * The items then come page by page ({@link MapRunPages}): from the ItemReader, or the input's
   * items as one page.
   */
  static void enter(Run run, Frame f, MapState s) {
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    EvalContext me = ec.withInput(Flow.afterInputPath(s, ec));
    // Limits are checked before anything runs, as for an inline Map.
    int maxConcurrency = MapLimits.maxConcurrency(s, me);
    long toleratedFailureCount = MapLimits.toleratedFailureCount(s, me);
    double toleratedFailurePercentage = MapLimits.toleratedFailurePercentage(s, me);
    run.emitFor(f, "MapStateStarted", "mapStateStartedEventDetails", Json.NODES.objectNode().put("length", 0));
    String mapRunArn = mapRunArn(run, f, s);
    run.emitFor(f, "MapRunStarted", "mapRunStartedEventDetails", Json.NODES.objectNode().put("mapRunArn", mapRunArn));
    f.trackMapRun(MapRunProgress.start(mapRunArn, maxConcurrency, toleratedFailureCount, toleratedFailurePercentage,
        s.distributed().resultWriter().isEmpty(), run.ctx().mapRunChildExecutions()));
    if (s.distributed().itemReader().isPresent()) {
      MapRunPages.readNext(run, f, s);
      return;
    }
    MapRunPages.pageRead(run, f, s, MapLimits.items(s, me, me.input()), null);
  }

  /** The Map's own context: its effective input (after InputPath) and the frame's context object. */
  static EvalContext mapContext(Run run, Frame f, MapState s) {
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    return ec.withInput(Flow.afterInputPath(s, ec));
  }

  static JsonNode itemReader(MapState s, EvalContext me) {
    return evaluated(s.distributed().itemReaderTemplate(), s.distributed().itemReader().get(), me);
  }

  static JsonNode resultWriter(MapState s, EvalContext me) {
    return evaluated(s.distributed().resultWriterTemplate(), s.distributed().resultWriter().get(), me);
  }

  /** The ItemReader or ResultWriter task of the Map's frame answered. */
  public static void taskSucceeded(Run run, Frame f, MapState s, JsonNode output) {
    run.endTask(f);
    if (f.mapRun() != null) {
      MapRunPages.taskSucceeded(run, f, s, output);
      return;
    }
    // A Map Run started before paging (execution state format 6 or older): all items in one task result.
    if (output.has("ResultWriterDetails")) {
      ObjectNode result = Json.NODES.objectNode();
      result.put("MapRunArn", mapRunArn(run, f, s));
      result.set("ResultWriterDetails", output.get("ResultWriterDetails"));
      succeed(run, f, s, result);
      return;
    }
    JsonNode items = output.path("Items");
    if (!items.isArray()) {
      failRun(run, f, ErrorNames.ITEM_READER_FAILED, "The item reader returned no Items array.");
      return;
    }
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    MapStates.run(run, f, s, ec.withInput(Flow.afterInputPath(s, ec)), items);
  }

  /** The ItemReader or ResultWriter task failed: the Map Run fails with its error. */
  public static void taskFailed(Run run, Frame f, String error, String cause) {
    run.endTask(f);
    failRun(run, f, error, cause);
  }

  /** Every item of a Map Run started before paging is done: write the results, or succeed with them. */
  static void allDone(Run run, Frame p, MapState s, ArrayNode results) {
    if (s.distributed().resultWriter().isPresent()) {
      EvalContext ec = Flow.eval(run, p, p.input(), null);
      EvalContext me = ec.withInput(Flow.afterInputPath(s, ec));
      JsonNode writer = evaluated(s.distributed().resultWriterTemplate(), s.distributed().resultWriter().get(), me);
      ObjectNode request = Json.NODES.objectNode();
      request.set("ResultWriter", writer);
      request.put("MapRunArn", mapRunArn(run, p, s));
      request.put("ExecutionArn", run.header().executionArn());
      request.set("Results", writerEntries(results, 0, null));
      schedule(run, p, s, writer.path("Resource").asText(""), MapRunTasks.RESULT_WRITER, request, ec);
      return;
    }
    succeed(run, p, s, results);
  }

  /** A failed item past the tolerated threshold (or any failed item when none is set). */
  static void itemsFailed(Run run, Frame p, String error, String cause) {
    failRun(run, p, error, cause);
  }

  /**
   * The results as the writer's entries. A tolerated failure's result is its error output
   * ({@code {"Error", "Cause"}}), which is how it is recognised here. With child executions each
   * result is the child's DescribeExecution shape, kept whole in the entry's {@code Execution} for
   * AWS's result file fields (the fields derived from the Map Run ARN and the index added back).
   *
   * @param childMapRunArn the Map Run ARN when the items ran as child executions, else null
   */
  static ArrayNode writerEntries(ArrayNode results, long firstIndex, String childMapRunArn) {
    ArrayNode entries = Json.NODES.arrayNode(results.size());
    for (int i = 0; i < results.size(); i++) {
      JsonNode r = results.get(i);
      ObjectNode e = entries.addObject().put("Index", (int) (firstIndex + i));
      if (childMapRunArn != null && r != null && r.isObject()) {
        childEntry(e, MapRunChildren.expanded(r, childMapRunArn, firstIndex + i));
      } else if (isErrorOutput(r)) {
        e.put("Status", "FAILED").set("Error", r.get("Error"));
        if (r.has("Cause")) {
          e.set("Cause", r.get("Cause"));
        }
      } else {
        e.put("Status", "SUCCEEDED").set("Output", r);
      }
    }
    return entries;
  }

  private static void childEntry(ObjectNode e, JsonNode described) {
    if (MapRunChildren.succeeded(described)) {
      e.put("Status", "SUCCEEDED").set("Output", MapRunChildren.output(described));
    } else {
      e.put("Status", "FAILED").put("Error", MapRunChildren.error(described));
      String cause = MapRunChildren.cause(described);
      if (cause != null) {
        e.put("Cause", cause);
      }
    }
    e.set("Execution", described);
  }

  private static boolean isErrorOutput(JsonNode r) {
    return r != null && r.isObject() && r.has("Error") && r.size() == (r.has("Cause") ? 2 : 1);
  }

  static void succeed(Run run, Frame p, MapState s, JsonNode result) {
    recordCounts(run, p);
    long runSucceeded = run.emitFor(p, "MapRunSucceeded", null, null);
    // AWS: MapStateSucceeded and MapStateExited both follow MapRunSucceeded.
    run.emit("MapStateSucceeded", runSucceeded, null, null);
    EvalContext ec = Flow.eval(run, p, p.input(), null);
    Flow.Outcome out = Flow.output(s, ec, result);
    Flow.exit(run, p, s, out.output(), out.assigned(), s.next());
  }

  static void failRun(Run run, Frame f, String error, String cause) {
    recordCounts(run, f);
    run.emitFor(f, "MapRunFailed", "mapRunFailedEventDetails", History.errorCause(error, cause));
    run.emitFor(f, "MapStateFailed", null, null);
    run.schedule(new Step.Failed(f.id(), error, cause));
  }

  /** A paged Map Run that ends keeps its final counts for DescribeMapRun. */
  private static void recordCounts(Run run, Frame f) {
    MapRunProgress progress = f.mapRun();
    if (progress != null) {
      run.header().mapRunFinished(progress.mapRunArn(), MapRunCounts.of(progress, f.iterations(), true));
    }
  }

  private static JsonNode evaluated(Optional<Expression> template, JsonNode raw, EvalContext me) {
    return template.map(t -> t.evaluate(me)).orElse(raw);
  }

  static void schedule(Run run, Frame f, MapState s, String resource, String taskName, ObjectNode input,
      EvalContext ec) {
    long sequence = run.nextSequence();
    String arn = run.header().executionArn();
    String token = TaskTokens.create(arn, sequence, run.ctx().taskTokenNonce(arn, sequence));
    run.awaitTask(f, token, true, 0, 0);
    run.addEffect(new Effect.ScheduleTask(new TaskRequest(WireVersions.CURRENT, arn, token, resource, taskName,
        s.name(), input, f.retryCount() + 1, null, null, ec.context(), run.now())));
  }
}
