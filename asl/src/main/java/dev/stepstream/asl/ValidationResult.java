package dev.stepstream.asl;

import dev.stepstream.asl.diag.Diagnostic;
import dev.stepstream.asl.diag.Severity;
import dev.stepstream.asl.model.StateMachine;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link Asl#compile}: the compiled state machine (present iff there is no error) and
 * every diagnostic, sorted by location (then code and message).
 */
public record ValidationResult(Optional<StateMachine> stateMachine, List<Diagnostic> diagnostics) {
  private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::location)
      .thenComparing(Diagnostic::code)
      .thenComparing(Diagnostic::message);

  public ValidationResult {
    Objects.requireNonNull(stateMachine, "stateMachine");
    diagnostics = diagnostics.stream().sorted(ORDER).toList();
    boolean hasErrors = diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    if (hasErrors == stateMachine.isPresent()) {
      throw new IllegalArgumentException("a state machine is present exactly when there are no errors");
    }
  }

  public boolean isValid() {
    return stateMachine.isPresent();
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }
}
