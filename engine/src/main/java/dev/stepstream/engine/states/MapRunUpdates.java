package dev.stepstream.engine.states;

import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.MapRunProgress;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.wire.UpdateMapRun;
import java.util.Optional;

/**
 * UpdateMapRun on a running paged Distributed Map: the new MaxConcurrency applies to the page in
 * progress at once (more children start when it grew; running ones finish when it shrank) and to
 * every later page; new tolerated failures apply to the failures counted so far, so lowering them
 * below those fails the Map Run with States.ExceedToleratedFailureThreshold.
 */
public final class MapRunUpdates {
  private MapRunUpdates() {}

  /** Empty when applied; otherwise why the command is ignored. */
  public static Optional<String> apply(Run run, UpdateMapRun update) {
    for (Frame found : run.allFrames()) {
      MapRunProgress progress = found.mapRun();
      if (progress == null || !update.mapRunArn().equals(progress.mapRunArn())) {
        continue;
      }
      Frame map = run.edit(found.id());
      MapState s = (MapState) run.state(map);
      map.updateMapRunLimits(update.maxConcurrency() == null ? -1 : update.maxConcurrency(),
          update.toleratedFailureCount() == null ? -1 : update.toleratedFailureCount(),
          update.toleratedFailurePercentage() == null ? -1 : update.toleratedFailurePercentage());
      if (map.mapRun().exceedsTolerance()) {
        if (map.iterations() != null) {
          Children.haltAll(run, map, null);
          run.stopMapRunChildren(map, -1);
        }
        DistributedMaps.failRun(run, map, ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, MapRunPages.TOLERANCE_EXCEEDED);
      } else if (map.iterations() != null) {
        MapStates.startMore(run, map, s);
      }
      return Optional.empty();
    }
    return Optional.of("no running Map Run " + update.mapRunArn());
  }
}
