package dev.stepstream.asl.diag;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A diagnostic as AWS shows it in ValidateStateMachineDefinition and inside CreateStateMachine's
 * InvalidDefinition message: AWS's code (SCHEMA_VALIDATION_FAILED, MISSING_TRANSITION_TARGET,
 * MISSING_END_STATE, ...), and AWS's location, where array items read {@code Choices[0]} rather than
 * the JSON pointer's {@code Choices/0} (floci-io/floci PR #2786 records {@code /States/C/Choices[0]/Next}).
 *
 * @param location absent where AWS gives none (MISSING_END_STATE, a definition that is not an object)
 */
public record AwsDiagnostic(String severity, String code, String message, Optional<String> location) {
  public static final String SCHEMA_VALIDATION_FAILED = "SCHEMA_VALIDATION_FAILED";
  public static final String INVALID_JSON_DESCRIPTION = "INVALID_JSON_DESCRIPTION";
  public static final String MISSING_TRANSITION_TARGET = "MISSING_TRANSITION_TARGET";
  public static final String MISSING_END_STATE = "MISSING_END_STATE";

  private static final Map<String, String> AWS_CODES = Map.of(
      "INVALID_JSON", INVALID_JSON_DESCRIPTION,
      "MISSING_TRANSITION_TARGET", MISSING_TRANSITION_TARGET,
      "UNREACHABLE_STATE", MISSING_TRANSITION_TARGET,
      "NO_TERMINAL", MISSING_END_STATE,
      "DUPLICATE_STATE_NAME", "DUPLICATE_STATE_NAME",
      "STATE_NAME_TOO_LONG", "INVALID_STATE_NAME");
  /** Codes AWS reports at the object holding the field rather than at the field. */
  private static final Set<String> AT_PARENT = Set.of("UNKNOWN_FIELD", "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE");
  /** Codes of a bad path or intrinsic; under a {@code .$} key of a payload template AWS words them alike. */
  private static final Set<String> PAYLOAD_EXPRESSIONS = Set.of("INVALID_JSON_PATH", "INVALID_INTRINSIC");
  /** AWS's order: schema problems, then missing targets, then unreachable states, then no end. */
  private static final List<String> RANK = List.of("MISSING_TRANSITION_TARGET", "UNREACHABLE_STATE", "NO_TERMINAL");
  /** ASL fields whose value is an array, so a numeric token after them is an index. */
  private static final Set<String> ARRAYS = Set.of("Choices", "Catch", "Retry", "Branches", "ErrorEquals", "And", "Or");

  public static AwsDiagnostic of(Diagnostic d) {
    String code = AWS_CODES.getOrDefault(d.code(), SCHEMA_VALIDATION_FAILED);
    String key = lastToken(d.location());
    if (PAYLOAD_EXPRESSIONS.contains(d.code()) && key.endsWith(".$")) {
      // AWS names the key and locates the template holding it (LocalStack test_base_scenarios, recorded on AWS).
      return new AwsDiagnostic(d.severity().name(), code, AwsMessages.invalidPathOrIntrinsic(key),
          Optional.of(awsPath(parent(d.location()))));
    }
    return new AwsDiagnostic(d.severity().name(), code, d.message(), location(d));
  }

  private static String lastToken(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }

  /** AWS's order of a compile result's diagnostics (stable within each group). */
  public static List<AwsDiagnostic> inAwsOrder(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .sorted(Comparator.comparingInt(d -> RANK.indexOf(d.code())))
        .map(AwsDiagnostic::of)
        .toList();
  }

  /** The text inside CreateStateMachine's message: {@code CODE: message at location} ("at null" without one). */
  public String inline() {
    return code + ": " + message + " at " + location.orElse("null");
  }

  private static Optional<String> location(Diagnostic d) {
    return switch (d.code()) {
      case "NO_TERMINAL", "NOT_AN_OBJECT" -> Optional.empty();
      case "INVALID_JSON" -> Optional.of(JsonSourceLocation.split(d.message())).filter(s -> !s.isEmpty());
      default -> Optional.of(awsPath(AT_PARENT.contains(d.code()) ? parent(d.location()) : d.location()));
    };
  }

  private static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** A JSON pointer in AWS's notation: "/" for the root, {@code Name[0]} for array items, names unescaped. */
  static String awsPath(String pointer) {
    if (pointer.isEmpty()) {
      return "/";
    }
    StringBuilder out = new StringBuilder();
    String previous = null;
    for (String token : pointer.substring(1).split("/", -1)) {
      String name = token.replace("~1", "/").replace("~0", "~");
      if (previous != null && ARRAYS.contains(previous) && name.matches("\\d+")) {
        out.append('[').append(name).append(']');
        previous = null;
      } else {
        out.append('/').append(name);
        previous = name;
      }
    }
    return out.toString();
  }
}
