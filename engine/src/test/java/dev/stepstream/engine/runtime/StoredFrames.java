package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Test access to frames as stored: builds them field by field and reads the fields the codec writes. */
public final class StoredFrames {
  private StoredFrames() {}

  public static Frame frame(int id, int parentId, int index, String stateName, Phase phase, JsonNode input,
      long enteredEventId, long enteredMillis, long lastEventId, int retryCount, int[] retrierAttempts,
      Map<String, JsonNode> variables, StateWork work) {
    return Frame.restored(id, parentId, index, stateName, phase, input, enteredEventId, enteredMillis, lastEventId,
        retryCount, retrierAttempts, variables, work);
  }

  /** The same frame with a paged Distributed Map's progress (as format 7 stores it). */
  public static Frame withMapRun(Frame f, MapRunProgress progress) {
    return Frame.restored(f, progress);
  }

  public static Iterations iterations(JsonNode[] results, int done, JsonNode[] inputs, int started, int failed,
      int maxConcurrency, long toleratedFailureCount, double toleratedFailurePercentage) {
    return new Iterations(results, done, inputs, started, failed, maxConcurrency, toleratedFailureCount,
        toleratedFailurePercentage);
  }

  public static int[] retrierAttempts(Frame f) {
    return f.retrierAttemptsForEncoding();
  }

  public static JsonNode[] results(ChildWork children) {
    return children.resultsForEncoding();
  }

  public static JsonNode[] inputs(Iterations iterations) {
    return iterations.inputsForEncoding();
  }

  /** started, failed, maxConcurrency of a Map's iterations. */
  public static int[] counters(Iterations iterations) {
    return new int[] {iterations.started(), iterations.failed(), iterations.maxConcurrency()};
  }

  /** toleratedFailureCount and toleratedFailurePercentage of a Map's iterations. */
  public static double[] tolerances(Iterations iterations) {
    return new double[] {iterations.toleratedFailureCount(), iterations.toleratedFailurePercentage()};
  }
}
