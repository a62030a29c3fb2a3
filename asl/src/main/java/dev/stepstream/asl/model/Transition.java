package dev.stepstream.asl.model;

import java.util.Objects;

/** How a non-terminal-by-type state leaves: {@code "Next": name} or {@code "End": true}. */
public sealed interface Transition permits Transition.Next, Transition.End {

  End END = new End();

  static Transition next(String stateName) {
    return new Next(stateName);
  }

  record Next(String stateName) implements Transition {
    public Next {
      Objects.requireNonNull(stateName, "stateName");
    }
  }

  record End() implements Transition {}
}
