package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.CONFLICTING_FIELDS;

import dev.stepstream.asl.diag.Diagnostics;
import java.util.List;
import java.util.stream.Stream;

/** Shared check: at most one of a group of alternative fields (e.g. TimeoutSeconds / TimeoutSecondsPath). */
final class ExclusiveFields {
  private ExclusiveFields() {}

  /** Reports CONFLICTING_FIELDS at the second present field; returns how many are present. */
  static int atMostOne(StateView state, Diagnostics out, String... fields) {
    List<String> present = Stream.of(fields).filter(state::has).toList();
    if (present.size() > 1) {
      out.error(CONFLICTING_FIELDS, state.pointer(present.get(1)),
          "Only one of " + String.join(", ", fields) + " may be given, found " + present);
    }
    return present.size();
  }
}
