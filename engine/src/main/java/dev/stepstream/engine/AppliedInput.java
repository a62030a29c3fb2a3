package dev.stepstream.engine;

import dev.stepstream.wire.HistoryEvent;
import java.util.List;
import java.util.Objects;

/**
 * The identity of the last input applied to an execution and the outputs of that decision, kept in
 * the execution state by an at-least-once host (the processor's fast profile). After a crash the
 * restored state can already include an input whose outputs were never written; when that input is
 * delivered again the engine ignores it (its token or timer is consumed) and the host re-emits these
 * outputs instead. History events keep their ids, so re-emitting them is idempotent for consumers.
 *
 * @param inputId the input's own identity (e.g. {@code task:<token>}, {@code timer:<id>}), never blank
 * @param events the history events the decision appended
 * @param effects the effects the decision asked for
 */
public record AppliedInput(String inputId, List<HistoryEvent> events, List<Effect> effects) {
  public AppliedInput {
    Objects.requireNonNull(inputId, "inputId");
    events = List.copyOf(events);
    effects = List.copyOf(effects);
  }
}
