package dev.stepstream.engine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture under {@code scenarios/<area>/<name>.json} through {@link LocalRunner}. A fixture
 * marked {@code "knownEngineGap": "why"} is skipped (an assumption), so an engine bug is recorded
 * without failing the build. {@code "startTime"} (ISO-8601) optionally fixes the virtual clock.
 */
class ScenarioTest {
  private static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");
  /** Numbers compare by value (1 equals 1.0), since JSON does not distinguish them. */
  private static final Comparator<JsonNode> JSON_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  static Stream<Arguments> scenarios() throws IOException, URISyntaxException {
    Path root = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> fixtures = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      return fixtures.stream().map(p -> Arguments.of(root.relativize(p).toString(), p));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void shouldEndAsTheAwsDocumentationShows(String name, Path file) throws Exception {
    JsonNode scenario = WireJson.mapper().readTree(file.toFile());
    assumeTrue(!scenario.has("knownEngineGap"), () -> "known engine gap: " + scenario.get("knownEngineGap").asText());
    Mocks mocks = scenario.has("mocks") ? Mocks.parse(scenario.get("mocks")) : Mocks.none();
    Instant start = scenario.has("startTime") ? Instant.parse(scenario.get("startTime").asText()) : DEFAULT_START;
    LocalRunner runner = new LocalRunner(EngineOptions.defaults(), mocks, Clock.fixed(start, ZoneOffset.UTC), 7L);
    String testCase = scenario.hasNonNull("testCase") ? scenario.get("testCase").asText() : null;

    RunResult result = runner.run(scenario.get("definition").toString(), scenario.get("input").toString(), testCase);

    JsonNode expect = scenario.get("expect");
    assertThat(result.status().name()).as("status (error %s: %s)", result.error(), result.cause())
        .isEqualTo(expect.get("status").asText());
    if (expect.has("output")) {
      assertThat(result.output()).as("output").isNotNull();
      assertThat(result.output().equals(JSON_VALUE, expect.get("output")))
          .as("output %s should equal %s", result.output(), expect.get("output")).isTrue();
    }
    if (expect.has("error")) {
      assertThat(result.error()).as("error (cause %s)", result.cause()).isEqualTo(expect.get("error").asText());
    }
    if (expect.has("cause")) {
      assertThat(result.cause()).as("cause").isEqualTo(expect.get("cause").asText());
    }
  }

  @Test
  void shouldHaveAtLeastSixtyWellFormedScenarios() throws Exception {
    List<Arguments> all = scenarios().toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(60);
    for (Arguments arguments : all) {
      JsonNode scenario = WireJson.mapper().readTree(((Path) arguments.get()[1]).toFile());
      assertThat(scenario.fieldNames()).toIterable().as(arguments.get()[0].toString())
          .contains("description", "source", "definition", "input", "expect");
      assertThat(scenario.get("expect").path("status").asText()).as(arguments.get()[0].toString())
          .isIn("SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED");
    }
  }
}
