package dev.stepstream.asl.model;

import java.util.Objects;

/**
 * What a Wait state waits for: a number of seconds or an absolute timestamp, each fixed, from a
 * {@code *Path} (JSONPath) or computed (JSONata).
 */
public sealed interface WaitFor permits WaitFor.Seconds, WaitFor.Timestamp {

  record Seconds(DynamicValue seconds) implements WaitFor {
    public Seconds {
      Objects.requireNonNull(seconds, "seconds");
    }
  }

  record Timestamp(DynamicValue timestamp) implements WaitFor {
    public Timestamp {
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }
}
