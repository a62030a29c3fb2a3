package dev.stepstream.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/** A Parallel state's branches: all start at once; the output is their outputs in branch order. */
public final class Branches extends ChildWork {

  public Branches(int count) {
    super(new JsonNode[count], 0);
  }

  Branches(JsonNode[] results, int done) {
    super(results, done);
  }

  @Override
  ChildWork copy() {
    Branches c = new Branches(new JsonNode[0], done());
    copyInto(c);
    return c;
  }
}
