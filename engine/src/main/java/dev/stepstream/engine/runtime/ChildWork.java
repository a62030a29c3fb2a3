package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The children of a Parallel or Map state: one result slot per branch or iteration, filled in any
 * order, read in index order. Copy-on-write like its frame: a copy shares the arrays until it
 * first writes them, so an {@code apply} call that completes one child of 10,000 copies once.
 */
public abstract sealed class ChildWork implements StateWork permits Branches, Iterations {
  private JsonNode[] results;
  private boolean resultsShared;
  private int done;

  ChildWork(JsonNode[] results, int done) {
    this.results = results;
    this.done = done;
  }

  /** A copy for another owner (shares the arrays until written). */
  abstract ChildWork copy();

  void copyInto(ChildWork target) {
    target.results = results;
    target.resultsShared = true;
    resultsShared = true;
  }

  public int size() {
    return results.length;
  }

  /** Children finished (succeeded, or failed within the Map's tolerance). */
  public int done() {
    return done;
  }

  public boolean allDone() {
    return done == results.length;
  }

  public JsonNode result(int index) {
    return results[index];
  }

  /** A child succeeded with {@code output}. */
  void finish(int index, JsonNode output) {
    writableResults()[index] = output;
    done++;
  }

  /** Fills a slot without counting it (a failure already counted, which the Map tolerates). */
  void placeResult(int index, JsonNode output) {
    writableResults()[index] = output;
  }

  void countDone() {
    done++;
  }

  /** Redrive: the children whose frames remain run again, so their slots are open again. */
  void reopen(Iterable<Integer> rerunIndexes) {
    JsonNode[] slots = writableResults();
    for (int index : rerunIndexes) {
      slots[index] = null;
    }
    int finished = 0;
    for (JsonNode r : slots) {
      finished += r == null ? 0 : 1;
    }
    done = finished;
  }

  private JsonNode[] writableResults() {
    if (resultsShared) {
      results = results.clone();
      resultsShared = false;
    }
    return results;
  }

  /** The result array itself, for encoding only (never written through). */
  JsonNode[] resultsForEncoding() {
    return results;
  }
}
