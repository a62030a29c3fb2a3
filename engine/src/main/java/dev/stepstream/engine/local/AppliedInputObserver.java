package dev.stepstream.engine.local;

import dev.stepstream.engine.Decision;
import dev.stepstream.engine.Definition;
import dev.stepstream.wire.WireRecord;

/** Sees every input a local run applies, with the time it was applied at and the decision (for replay checks). */
@FunctionalInterface
interface AppliedInputObserver {
  AppliedInputObserver NONE = (definition, input, nowMillis, decision) -> {};

  void applied(Definition definition, WireRecord input, long nowMillis, Decision decision);
}
