package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.IntStream;

/**
 * A Map state's iterations: prepared inputs started in index order, at most {@code maxConcurrency}
 * at a time (0 = no limit), with the failures the Map tolerates. The input of a started iteration is
 * dropped from here (its frame holds it), which keeps a large Map's stored state shrinking.
 */
public final class Iterations extends ChildWork {
  private JsonNode[] inputs;
  private boolean inputsShared;
  private int started;
  private int failed;
  private int maxConcurrency;
  private final long toleratedFailureCount;
  private final double toleratedFailurePercentage;

  /**
   * @param toleratedFailureCount -1 when not set
   * @param toleratedFailurePercentage -1 when not set
   */
  public Iterations(JsonNode[] inputs, int maxConcurrency, long toleratedFailureCount,
      double toleratedFailurePercentage) {
    this(new JsonNode[inputs.length], 0, inputs, 0, 0, maxConcurrency, toleratedFailureCount,
        toleratedFailurePercentage);
  }

  Iterations(JsonNode[] results, int done, JsonNode[] inputs, int started, int failed, int maxConcurrency,
      long toleratedFailureCount, double toleratedFailurePercentage) {
    super(results, done);
    this.inputs = inputs;
    this.started = started;
    this.failed = failed;
    this.maxConcurrency = maxConcurrency;
    this.toleratedFailureCount = toleratedFailureCount;
    this.toleratedFailurePercentage = toleratedFailurePercentage;
  }

  @Override
  ChildWork copy() {
    Iterations c = new Iterations(new JsonNode[0], done(), inputs, started, failed, maxConcurrency,
        toleratedFailureCount, toleratedFailurePercentage);
    copyInto(c);
    c.inputsShared = true;
    inputsShared = true;
    return c;
  }

  /** UpdateMapRun: a new MaxConcurrency (0 = no limit). */
  void limitConcurrency(int newMaxConcurrency) {
    maxConcurrency = newMaxConcurrency;
  }

  /** True when another iteration may start now. */
  public boolean canStartMore() {
    int running = started - done();
    return started < inputs.length && (maxConcurrency == 0 || running < maxConcurrency);
  }

  /** The indexes of the iterations started and not done (a Map Run's running child executions). */
  public IntStream running() {
    return IntStream.range(0, started).filter(i -> result(i) == null);
  }

  /** True when iteration {@code index} was started and is not done yet. */
  public boolean isRunning(int index) {
    return index >= 0 && index < started && result(index) == null;
  }

  /** Starts the next iteration and returns its index; {@link #takeInput} hands over its input. */
  int startNext() {
    return started++;
  }

  /** The input of an iteration that is being started, removed from here. */
  JsonNode takeInput(int index) {
    if (inputsShared) {
      inputs = inputs.clone();
      inputsShared = false;
    }
    JsonNode input = inputs[index];
    inputs[index] = null;
    return input;
  }

  /** An iteration failed: it is done either way; its error output becomes its result if tolerated. */
  void fail() {
    countDone();
    failed++;
  }

  public boolean toleranceSet() {
    return toleratedFailureCount >= 0 || toleratedFailurePercentage >= 0;
  }

  /** AWS fails the Map when either threshold is exceeded (failures so far against all items). */
  public boolean withinTolerance() {
    boolean overCount = toleratedFailureCount >= 0 && failed > toleratedFailureCount;
    double percent = size() == 0 ? 0 : 100.0 * failed / size();
    boolean overPercent = toleratedFailurePercentage >= 0 && percent > toleratedFailurePercentage;
    return !overCount && !overPercent;
  }

  /**
   * True once a failure has failed the Map (no tolerance set, or past it): results of iterations that
   * finished in the same call are then too late.
   */
  public boolean mapFailed() {
    return failed > 0 && (!toleranceSet() || !withinTolerance());
  }

  /** Redrive counts failures afresh. */
  void resetFailures() {
    failed = 0;
  }

  // ---- for the codec ----

  JsonNode[] inputsForEncoding() {
    return inputs;
  }

  int started() {
    return started;
  }

  int failed() {
    return failed;
  }

  int maxConcurrency() {
    return maxConcurrency;
  }

  long toleratedFailureCount() {
    return toleratedFailureCount;
  }

  double toleratedFailurePercentage() {
    return toleratedFailurePercentage;
  }
}
