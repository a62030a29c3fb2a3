package dev.stepstream.engine.task;

/**
 * The reserved task names of a Distributed Map's I/O. The engine never reads or writes files or
 * topics itself: a Map with an ItemReader schedules a task on {@code tasks.__states.itemReader}, a
 * Map with a ResultWriter one on {@code tasks.__states.resultWriter}, and the integration runner
 * answers them like any built-in integration.
 */
public final class MapRunTasks {
  /** Reads the items. Input: {@code {"ItemReader": <evaluated ItemReader>, "MapRunArn": ...}}; output {@code {"Items": [...]}}. */
  public static final String ITEM_READER = ResourceMapping.BUILT_IN_PREFIX + "states.itemReader";
  /**
   * Writes the results. Input: {@code {"ResultWriter": <evaluated ResultWriter>, "MapRunArn": ...,
   * "ExecutionArn": ..., "Results": [{"Index", "Status", "Output" | "Error", "Cause"}]}}; output
   * {@code {"ResultWriterDetails": {...}}}.
   */
  public static final String RESULT_WRITER = ResourceMapping.BUILT_IN_PREFIX + "states.resultWriter";

  private MapRunTasks() {}
}
