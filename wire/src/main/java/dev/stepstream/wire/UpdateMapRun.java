package dev.stepstream.wire;

/**
 * UpdateMapRun: new limits for a running Map Run of the execution; a null limit is left as it is.
 *
 * @param maxConcurrency 0 for no limit
 * @param toleratedFailurePercentage 0 to 100
 */
public record UpdateMapRun(int version, String executionArn, String mapRunArn, Integer maxConcurrency,
    Long toleratedFailureCount, Double toleratedFailurePercentage, long requestedAt) implements Command {

  public UpdateMapRun {
    Require.version(version, "UpdateMapRun");
    Require.text(executionArn, "UpdateMapRun", "executionArn");
    Require.text(mapRunArn, "UpdateMapRun", "mapRunArn");
  }
}
