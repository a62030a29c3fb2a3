package dev.stepstream.asl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.asl.Asl;
import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.diag.Diagnostic;
import java.util.List;

/** Helpers to write definitions compactly (single quotes become double quotes) and check diagnostics. */
public final class Definitions {
  private Definitions() {}

  public static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  public static ValidationResult compile(String singleQuoted) {
    return Asl.compile(json(singleQuoted), new FakeCompiler());
  }

  /** A top-level definition whose States object is the given (single-quoted) JSON members. */
  public static ValidationResult compileStates(String startAt, String statesMembers) {
    return compile("{'StartAt':'" + startAt + "','States':{" + statesMembers + "}}");
  }

  public static List<String> codesAndPointers(ValidationResult result) {
    return result.diagnostics().stream().map(d -> d.code() + " " + d.location()).toList();
  }

  public static void assertHas(ValidationResult result, String code, String pointer) {
    assertThat(codesAndPointers(result)).contains(code + " " + pointer);
    assertThat(result.isValid()).isFalse();
    assertThat(result.stateMachine()).isEmpty();
  }

  public static void assertValid(ValidationResult result) {
    assertThat(result.diagnostics()).extracting(Diagnostic::toString).isEmpty();
    assertThat(result.stateMachine()).isPresent();
  }
}
