package dev.stepstream.server.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.ErrorTable;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.RequestFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * 10,000 mutated definitions (seeded from the engine's scenario definitions) through
 * ValidateStateMachineDefinition and CreateStateMachine's definition checks, in process: never an
 * InternalFailure (500) or a stack trace, every error in AWS's shape.
 */
class DefinitionFuzzTest {
  private static final int DEFINITIONS = 10_000;
  private static final Path SCENARIOS = Path.of("..", "engine", "src", "test", "resources", "scenarios");
  private static final Set<String> DEFINITION_ERRORS = Set.of(AwsErrors.INVALID_DEFINITION, AwsErrors.VALIDATION);
  private static final String VALID = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  private final Operation validate = validateOperation();

  @Test
  void shouldAnswerTenThousandMutatedDefinitionsWithoutAnInternalFailure() {
    List<JsonNode> seeds = seeds();
    assertThat(seeds).hasSizeGreaterThan(50);
    DefinitionMutator mutator = new DefinitionMutator(19);
    Map<String, Integer> outcomes = new HashMap<>();

    for (int i = 0; i < DEFINITIONS; i++) {
      String definition = mutator.mutate(seeds.get(i % seeds.size()));
      String described = "definition #" + i + ": " + abbreviate(definition);
      JsonNode validated = answer(() -> validate.handle(request(definition)), Set.of(), described);
      assertThat(validated.path("result").asText()).as(described).isIn("OK", "FAIL");
      validated.path("diagnostics").forEach(d -> {
        assertThat(d.path("code").asText()).as(described).isNotBlank();
        assertThat(d.path("message").asText()).as(described).isNotBlank().doesNotContain("\tat ");
      });
      String type = i % 7 == 0 ? "EXPRESS" : "STANDARD";
      JsonNode created = answer(() -> Admission.definition(definition, type),
          DEFINITION_ERRORS, described);
      outcomes.merge(created == null ? "rejected" : "accepted", 1, Integer::sum);
    }

    assertThat(outcomes.getOrDefault("rejected", 0)).isGreaterThan(DEFINITIONS / 2);
  }

  // `definition` is a sensitive member in AWS's API model (CloudTrail hides it), and AWS leaves the
  // value of a sensitive member out of a constraint message, as SSM does for a SecureString:
  // "1 validation error detected: Value at 'value' failed to satisfy constraint: ..."
  @Test
  void shouldRefuseADefinitionOverOneMebibyteWithAwsLengthConstraint() {
    String padded = VALID.replace("\"StartAt\"", "\"Comment\":\"" + "x".repeat(StateMachineOps.MAX_DEFINITION_LENGTH) + "\",\"StartAt\"");
    String expected = "failed to satisfy constraint: Member must have length less than or equal to 1048576";

    assertThatThrownBy(() -> validate.handle(request(padded))).isInstanceOf(AwsException.class)
        .hasMessage("1 validation error detected: Value at 'definition' " + expected)
        .extracting(e -> ((AwsException) e).errorName()).isEqualTo(AwsErrors.VALIDATION);
    assertThatThrownBy(() -> Admission.definition(padded, "STANDARD")).isInstanceOf(AwsException.class)
        .hasMessage("1 validation error detected: Value at 'definition' " + expected);
  }

  @Test
  void shouldAcceptADefinitionOfExactlyOneMebibyte() {
    String comment = "x".repeat(StateMachineOps.MAX_DEFINITION_LENGTH - VALID.length() - "\"Comment\":\"\",".length());
    String exact = VALID.replace("\"StartAt\"", "\"Comment\":\"" + comment + "\",\"StartAt\"");

    assertThat(exact).hasSize(StateMachineOps.MAX_DEFINITION_LENGTH);
    assertThat(Admission.definition(exact, "STANDARD").path("StartAt").asText()).isEqualTo("P");
  }

  /** The response, or null after an error that is one of {@code allowed} (any non-500 error when empty), in AWS's shape. */
  private static JsonNode answer(java.util.function.Supplier<JsonNode> call, Set<String> allowed, String described) {
    try {
      JsonNode response = call.get();
      assertThat(AwsJson.write(response)).as(described).isNotBlank();
      return response;
    } catch (RuntimeException e) {
      ErrorTable.ErrorResponse error = ErrorTable.map(e);
      assertThat(error.status()).as(described + " -> " + e).isLessThan(500);
      if (!allowed.isEmpty()) {
        assertThat(error.errorName()).as(described).isIn(allowed);
      }
      assertThat(error.message()).as(described).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception:");
      return null;
    }
  }

  private static RequestFields request(String definition) {
    return new RequestFields(AwsJson.object().put("definition", definition));
  }

  private static Operation validateOperation() {
    Map<String, Operation> ops = new HashMap<>();
    new ValidateOps().register(ops);
    return ops.get("ValidateStateMachineDefinition");
  }

  private static List<JsonNode> seeds() {
    try (Stream<Path> files = Files.walk(SCENARIOS)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().map(DefinitionFuzzTest::definitionOf)
          .filter(d -> d != null && d.isObject()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode definitionOf(Path scenario) {
    try {
      return AwsJson.mapper().readTree(scenario.toFile()).get("definition");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
