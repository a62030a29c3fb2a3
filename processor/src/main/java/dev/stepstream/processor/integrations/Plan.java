package dev.stepstream.processor.integrations;

import java.util.List;
import java.util.function.Function;

/**
 * What one built-in integration call does: the records to write, and how the Task's outcome follows
 * from where the broker stored them ({@code written} is in the order of {@code records}).
 */
public record Plan(List<Outgoing> records, Function<List<Written>, Outcome> outcome) {

  public Plan {
    records = List.copyOf(records);
  }

  /** A call that writes nothing and fails the Task. */
  public static Plan failed(IntegrationFailure failure) {
    Outcome.Failed failed = failure.outcome();
    return new Plan(List.of(), written -> failed);
  }

  public Outcome outcomeOf(List<Written> written) {
    return outcome.apply(written);
  }
}
