package dev.stepstream.server.api.ops;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Map Runs of an execution, derived from its history so that they need no stored record of their
 * own: a {@code MapRunStarted} event starts one, and the {@code MapRunSucceeded} or
 * {@code MapRunFailed} event that follows it in the Map state's event chain (by
 * {@code previousEventId}) ends it. A Map Run without an end is RUNNING while its execution runs and
 * ABORTED once the execution stopped otherwise.
 */
final class MapRuns {
  /** {@code arn:aws:states:<region>:<account>:mapRun:<stateMachine>/<label>:<id>}. */
  private static final Pattern MAP_RUN_ARN =
      Pattern.compile("arn:aws:states:([a-z0-9-]+):(\\d{12}):mapRun:([^/:]+)/([^:]+):([0-9a-f-]{36})");

  private MapRuns() {}

  /** True for a Map Run ARN as Stepstream (and AWS) shapes it. */
  static boolean isMapRunArn(String arn) {
    return MAP_RUN_ARN.matcher(arn).matches();
  }

  /** One Map Run; {@code stopDate} null while it runs; {@code stateName} the Map state's name, or null. */
  record MapRun(String mapRunArn, String executionArn, String stateName, String status, long startDate,
      Long stopDate) {}

  /**
   * The state machine ARN a Map Run ARN names ({@code ...:stateMachine:<name>}), or empty when the
   * text is not a Map Run ARN.
   */
  static Optional<String> stateMachineOf(String mapRunArn) {
    Matcher m = MAP_RUN_ARN.matcher(mapRunArn == null ? "" : mapRunArn);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of("arn:aws:states:" + m.group(1) + ":" + m.group(2) + ":stateMachine:" + m.group(3));
  }

  /** ListMapRuns' {@code stateMachineArn}: the Map's child workflow, {@code ...:stateMachine:<name>/<label>}. */
  static String childStateMachine(String mapRunArn) {
    Matcher m = MAP_RUN_ARN.matcher(mapRunArn);
    if (!m.matches()) {
      return mapRunArn;
    }
    return "arn:aws:states:" + m.group(1) + ":" + m.group(2) + ":stateMachine:" + m.group(3) + "/" + m.group(4);
  }

  /** The execution's Map Runs in start order. */
  static List<MapRun> of(ExecutionSummary execution, List<HistoryEvent> history) {
    Map<Long, HistoryEvent> byId = new HashMap<>();
    history.forEach(e -> byId.put(e.id(), e));
    Map<Long, HistoryEvent> endOfStart = new HashMap<>();
    for (HistoryEvent e : history) {
      if (e.eventType().equals("MapRunSucceeded") || e.eventType().equals("MapRunFailed")) {
        startOf(e, byId).ifPresent(start -> endOfStart.putIfAbsent(start.id(), e));
      }
    }
    List<MapRun> runs = new ArrayList<>();
    for (HistoryEvent e : history) {
      if (!e.eventType().equals("MapRunStarted") || e.details() == null) {
        continue;
      }
      String arn = e.details().path("mapRunArn").asText("");
      String state = stateName(e, byId);
      HistoryEvent end = endOfStart.get(e.id());
      if (end != null) {
        String status = end.eventType().equals("MapRunSucceeded") ? "SUCCEEDED" : "FAILED";
        runs.add(new MapRun(arn, execution.executionArn(), state, status, e.timestamp(), end.timestamp()));
      } else if (execution.status() == ExecutionStatus.RUNNING) {
        runs.add(new MapRun(arn, execution.executionArn(), state, "RUNNING", e.timestamp(), null));
      } else {
        runs.add(new MapRun(arn, execution.executionArn(), state, "ABORTED", e.timestamp(), execution.stopDate()));
      }
    }
    return runs;
  }

  /** The name in the MapStateEntered event that precedes MapRunStarted (through MapStateStarted). */
  private static String stateName(HistoryEvent started, Map<Long, HistoryEvent> byId) {
    HistoryEvent cursor = byId.get(started.previousEventId());
    for (int steps = 0; cursor != null && steps < 3; steps++) {
      if (cursor.eventType().equals("MapStateEntered") && cursor.details() != null) {
        return cursor.details().path("name").asText(null);
      }
      cursor = byId.get(cursor.previousEventId());
    }
    return null;
  }

  /** Walks the end event's chain back to the MapRunStarted it closes. */
  private static Optional<HistoryEvent> startOf(HistoryEvent end, Map<Long, HistoryEvent> byId) {
    HistoryEvent cursor = byId.get(end.previousEventId());
    for (int steps = 0; cursor != null && steps < byId.size(); steps++) {
      if (cursor.eventType().equals("MapRunStarted")) {
        return Optional.of(cursor);
      }
      cursor = byId.get(cursor.previousEventId());
    }
    return Optional.empty();
  }
}
