package dev.stepstream.engine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalRunnerTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  private final LocalRunner runner = new LocalRunner(EngineOptions.defaults(), Mocks.none(), Clock.fixed(START, ZoneOffset.UTC), 1L);

  @Test
  void shouldEchoTheInputThroughAPassState() {
    RunResult result = runner.run(PASS, "{\"a\":1}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output()).isEqualTo(WireJson.mapper().createObjectNode().put("a", 1));
    assertThat(result.error()).isNull();
    assertThat(result.history()).isNotEmpty();
  }

  @Test
  void shouldTreatAMissingInputAsAnEmptyObject() {
    assertThat(runner.run(PASS, null).output()).isEqualTo(WireJson.mapper().createObjectNode());
  }

  @Test
  void shouldFailAnInvalidDefinitionWithItsDiagnostics() {
    RunResult result = runner.run("{\"StartAt\":\"Missing\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}", "{}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo(LocalRunner.VALIDATION_ERROR);
    assertThat(result.cause()).contains(" at /StartAt: ");
    assertThat(result.history()).isEmpty();
  }

  @Test
  void shouldFailADefinitionThatIsNotJson() {
    RunResult result = runner.run("{", "{}");

    assertThat(result.error()).isEqualTo(LocalRunner.VALIDATION_ERROR);
    assertThat(result.cause()).isNotBlank();
  }

  @Test
  void shouldFailInputThatIsNotJson() {
    RunResult result = runner.run(PASS, "{oops");

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo(LocalRunner.INVALID_INPUT);
    assertThat(result.cause()).startsWith("The input is not valid JSON: ");
  }

  @Test
  void shouldRejectTrailingTextAfterTheInput() {
    assertThat(runner.run(PASS, "{} {}").error()).isEqualTo(LocalRunner.INVALID_INPUT);
    assertThat(runner.run(PASS, "   ").error()).isEqualTo(LocalRunner.INVALID_INPUT);
  }

  @Test
  void shouldRunTheDefinitionWithTheGivenType() {
    Set<String> types = new HashSet<>();

    RunResult result = runner.run(PASS, "{}", null, "EXPRESS", (definition, input, now, decision) -> types.add(definition.type()));

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(types).containsExactly("EXPRESS");
  }

  @Test
  void shouldRunAsStandardUnlessTold() {
    Set<String> types = new HashSet<>();

    runner.run(PASS, "{}", null, (definition, input, now, decision) -> types.add(definition.type()));

    assertThat(types).containsExactly("STANDARD");
  }

  @Test
  void shouldRefuseATypeThatIsNeitherStandardNorExpress() {
    assertThatThrownBy(() -> runner.run(PASS, "{}", null, "FAST")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldFailAnUnknownTestCase() {
    RunResult result = runner.run(PASS, "{}", "HappyPath");

    assertThat(result.error()).isEqualTo(LocalRunner.INVALID_INPUT);
    assertThat(result.cause()).isEqualTo("Test case 'HappyPath' is not defined in the mock configuration");
  }

  @Test
  void shouldStopARunawayExecution() {
    String loop = "{\"StartAt\":\"A\",\"States\":{"
        + "\"A\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.stop\",\"IsPresent\":true,\"Next\":\"Done\"}],\"Default\":\"B\"},"
        + "\"B\":{\"Type\":\"Pass\",\"Next\":\"A\"},\"Done\":{\"Type\":\"Succeed\"}}}";
    LocalRunner tight = new LocalRunner(new EngineOptions(1, 25_000, 262_144), Mocks.none(),
        Clock.fixed(START, ZoneOffset.UTC), 1L, 50);

    RunResult result = tight.run(loop, "{}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo(LocalRunner.RUNAWAY_EXECUTION);
  }

  @Test
  void shouldCompleteWaitsInVirtualTime() {
    String wait = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":86400,\"End\":true}}}";

    long began = System.nanoTime();
    RunResult result = runner.run(wait, "{}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(System.nanoTime() - began).isLessThan(5_000_000_000L);
    HistoryEvent last = result.history().get(result.history().size() - 1);
    assertThat(last.timestamp()).isEqualTo(START.toEpochMilli() + 86_400_000L);
  }

  @Test
  void shouldReadTheStartClockOncePerRun() {
    AtomicInteger reads = new AtomicInteger();
    Clock counting = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        reads.incrementAndGet();
        return START;
      }

      @Override
      public long millis() {
        return instant().toEpochMilli();
      }
    };
    LocalRunner counted = new LocalRunner(EngineOptions.defaults(), Mocks.none(), counting, 1L);

    counted.run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":5,\"End\":true}}}", "{}");

    assertThat(reads).hasValue(1);
  }

  @Test
  void shouldBeDeterministicForTheSameStartAndSeed() {
    String uuid = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"id.$\":\"States.UUID()\"},\"End\":true}}}";

    RunResult first = runner.run(uuid, "{}");
    RunResult second = runner.run(uuid, "{}");

    assertThat(first.output()).isEqualTo(second.output());
    assertThat(first.history()).isEqualTo(second.history());
  }

  @Test
  void shouldWriteTheJsonLineWithNullsForAbsentValues() {
    RunResult failed = RunResult.failed("E", "C", java.util.List.of());

    assertThat(failed.toJsonLine().toString()).isEqualTo("{\"status\":\"FAILED\",\"output\":null,\"error\":\"E\",\"cause\":\"C\"}");
  }
}
