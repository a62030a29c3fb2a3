package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.engine.Effect;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.MapRunProgress;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import dev.stepstream.engine.task.MapRunChildren;
import dev.stepstream.wire.ParentExecution;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireVersions;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Map Run's items as child executions: each started item of the page becomes a {@code StartExecution}
 * on the commands topic (keyed by the child's ARN, so the child runs on whichever partition owns it),
 * and each child's end comes back as a task result with the Map Run's child token. The page, counters
 * and tolerance stay exactly those of the Map frame's iterations ({@link MapRunPages}); only the place
 * where an item runs differs.
 */
public final class MapRunChildExecutions {
  private MapRunChildExecutions() {}

  static boolean active(Frame p) {
    return p.mapRun() != null && p.mapRun().childExecutions();
  }

  /** Starts the child of the page's iteration {@code index}. */
  static void start(Run run, Frame p, MapState s, int index, JsonNode input) {
    MapRunProgress progress = p.mapRun();
    long item = progress.pageStart(p.iterations()) + index;
    String mapRunArn = progress.mapRunArn();
    ParentExecution parent = new ParentExecution(run.header().executionArn(), MapRunChildren.token(mapRunArn, item),
        mapRunArn, s.name(), run.header().revisionId());
    run.addEffect(new Effect.SendCommand(new StartExecution(WireVersions.CURRENT,
        MapRunChildren.childArn(mapRunArn, item), MapRunChildren.childStateMachineArn(mapRunArn),
        MapRunChildren.childName(mapRunArn, item), input, run.now(), null, null, parent)));
  }

  /** A child's end for the Map Run its token names: empty when applied, else why it was ignored. */
  public static Optional<String> result(Run run, TaskResult result) {
    String mapRunArn = MapRunChildren.mapRunOf(result.taskToken());
    OptionalLong item = MapRunChildren.indexOf(result.taskToken());
    if (!(result instanceof TaskSucceeded ended) || item.isEmpty()) {
      return Optional.of("not a Map Run child's end");
    }
    Frame found = null;
    for (Frame f : run.allFrames()) {
      if (active(f) && f.mapRun().mapRunArn().equals(mapRunArn)) {
        found = f;
        break;
      }
    }
    if (found == null || found.iterations() == null) {
      return Optional.of("Map Run child of a Map Run that is not running");
    }
    long local = item.getAsLong() - found.mapRun().pageStart(found.iterations());
    if (local < 0 || local >= found.iterations().size() || !found.iterations().isRunning((int) local)) {
      return Optional.of("Map Run child that is not running");
    }
    Frame p = run.edit(found.id());
    MapState s = (MapState) run.state(p);
    run.schedule(new Step.Call(p.id(), () -> ended(run, p, s, (int) local, ended.output())));
    return Optional.empty();
  }

  private static void ended(Run run, Frame p, MapState s, int index, JsonNode described) {
    if (MapStates.failedAlready(p)) {
      return;
    }
    // With a ResultWriter the child's shape is kept for its entry (less what the index gives back);
    // without one only its output.
    boolean keepShape = s.distributed().resultWriter().isPresent();
    JsonNode kept = keepShape ? MapRunChildren.compacted(described) : null;
    if (MapRunChildren.succeeded(described)) {
      JsonNode output = keepShape ? kept : MapRunChildren.output(described);
      MapRunPages.childSucceeded(run, p, s, new Step.ChildDone(p.id(), index, output, p.lastEventId()));
      return;
    }
    MapRunPages.childFailed(run, p, s, new Step.ChildFailed(p.id(), index, MapRunChildren.error(described),
        MapRunChildren.cause(described), p.lastEventId()), kept);
  }
}
