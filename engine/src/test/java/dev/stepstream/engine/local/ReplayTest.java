package dev.stepstream.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.engine.Decision;
import dev.stepstream.engine.Definition;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.ExecutionStateCodec;
import dev.stepstream.engine.Interpreter;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's replay invariant over every scenario fixture: applying a run's inputs one by one to a
 * fresh interpreter, with each state taken through the store codec first, yields after every input
 * the same stored state (byte for byte) and the same history events as the original run; and every
 * stored state decodes and encodes back to the same bytes.
 */
class ReplayTest {
  private static final long SEED = 7L;

  record Applied(WireRecord input, long nowMillis, Optional<byte[]> stateAfter, List<HistoryEvent> events) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.stepstream.engine.local.ScenarioTest#scenarios")
  void shouldReachTheStoredStateAfterEveryInputWhenReplayedThroughTheCodec(String name, Path file) throws Exception {
    JsonNode scenario = WireJson.mapper().readTree(file.toFile());
    Mocks mocks = scenario.has("mocks") ? Mocks.parse(scenario.get("mocks")) : Mocks.none();
    Instant start = scenario.has("startTime") ? Instant.parse(scenario.get("startTime").asText())
        : Instant.parse("2024-01-01T00:00:00Z");
    LocalRunner runner = new LocalRunner(EngineOptions.defaults(), mocks, Clock.fixed(start, ZoneOffset.UTC), SEED);
    String testCase = scenario.hasNonNull("testCase") ? scenario.get("testCase").asText() : null;
    List<Applied> recorded = new ArrayList<>();
    Definition[] definition = new Definition[1];

    runner.run(scenario.get("definition").toString(), scenario.get("input").toString(), testCase,
        (def, input, now, decision) -> {
          definition[0] = def;
          recorded.add(new Applied(input, now, decision.state().map(ExecutionStateCodec::encode), decision.events()));
        });

    if (definition[0] == null) {
      return; // rejected before it started: nothing was applied
    }
    replay(definition[0], recorded);
  }

  private static void replay(Definition definition, List<Applied> recorded) {
    Interpreter interpreter = new Interpreter(EngineOptions.defaults());
    RandomSource random = RandomSource.seeded(SEED);
    random.nextUuid(); // the local runner draws the execution name first
    ExecutionState state = null;
    for (int i = 0; i < recorded.size(); i++) {
      Applied step = recorded.get(i);
      ExecutionState stored = state == null ? null : ExecutionStateCodec.decode(ExecutionStateCodec.encode(state));
      // Scenario task results are mocked responses, recorded as written (as the local run did).
      Decision decision = interpreter.apply(stored, step.input(), new MockedContext(step.nowMillis(), random, definition));
      assertThat(decision.events()).as("events of input #%d %s", i, step.input()).isEqualTo(step.events());
      if (step.stateAfter().isPresent()) {
        byte[] bytes = step.stateAfter().get();
        assertThat(ExecutionStateCodec.encode(ExecutionStateCodec.decode(bytes))).as("codec round trip after input #%d", i)
            .isEqualTo(bytes);
        state = decision.state().orElseThrow();
        assertThat(ExecutionStateCodec.encode(state)).as("state after input #%d %s", i, step.input())
            .isEqualTo(step.stateAfter().get());
      }
    }
  }

  /** The test context of the engine, with task results taken as mocked responses (as in LocalRun). */
  private record MockedContext(long nowMillis, RandomSource random, Definition definition)
      implements dev.stepstream.engine.EngineContext {
    @Override
    public Optional<Definition> definition(String stateMachineArn) {
      return Optional.of(definition);
    }

    @Override
    public boolean mockedTaskResults() {
      return true;
    }
  }
}
