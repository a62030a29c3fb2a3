package dev.stepstream.engine.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.Expressions;
import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.diag.Diagnostic;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.engine.Definition;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.Interpreter;
import dev.stepstream.wire.WireJson;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a state machine definition to completion in-process, without Kafka: Task states answer from
 * {@link Mocks}, and waits, retry back-offs and timeouts complete at once but in due order on a
 * virtual clock. Every run is deterministic given its start instant and random seed. Thread-safe and
 * reusable: each {@link #run} keeps its mutable state to itself.
 */
public final class LocalRunner {
  public static final String MACHINE_NAME = "local";
  public static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:" + MACHINE_NAME;
  public static final String EXECUTION_ARN_PREFIX = "arn:aws:states:us-east-1:123456789012:execution:" + MACHINE_NAME + ":";
  /** AWS names Express executions {@code ...:express:<machine>:<name>:<id>}. */
  public static final String EXPRESS_ARN_PREFIX = "arn:aws:states:us-east-1:123456789012:express:" + MACHINE_NAME + ":";
  public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/stepstream-local";
  /** The seed of the random source (task tokens, execution name, States.UUID ...) unless one is given. */
  public static final long DEFAULT_SEED = 20_061_208L;

  public static final String VALIDATION_ERROR = "Stepstream.ValidationError";
  public static final String INVALID_INPUT = "Stepstream.InvalidInput";
  public static final String RUNAWAY_EXECUTION = "Stepstream.RunawayExecution";
  public static final String STALLED = "Stepstream.Stalled";

  private static final ObjectReader STRICT_JSON =
      WireJson.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Interpreter interpreter;
  private final Mocks mocks;
  private final LocalIntegrations integrations;
  private final Clock startClock;
  private final long randomSeed;
  private final long maxAppliedInputs;

  /** Starts each run's virtual clock at the wall-clock time the run begins. */
  public LocalRunner(EngineOptions options, Mocks mocks) {
    this(options, mocks, Clock.systemUTC(), DEFAULT_SEED);
  }

  /**
   * @param startClock read once at the start of each run to set the virtual clock (use
   *     {@link Clock#fixed} for reproducible timestamps); never read again during the run
   * @param randomSeed seeds a fresh random source for each run
   */
  public LocalRunner(EngineOptions options, Mocks mocks, Clock startClock, long randomSeed) {
    this(options, mocks, startClock, randomSeed, 1_000_000L);
  }

  LocalRunner(EngineOptions options, Mocks mocks, Clock startClock, long randomSeed, long maxAppliedInputs) {
    this(options, mocks, LocalIntegrations.NONE, startClock, randomSeed, maxAppliedInputs);
  }

  /**
   * As {@link #LocalRunner(EngineOptions, Mocks, Clock, long)}, with {@code integrations} answering
   * the ItemReader and ResultWriter tasks of Distributed Maps.
   */
  public LocalRunner(EngineOptions options, Mocks mocks, LocalIntegrations integrations, Clock startClock,
      long randomSeed) {
    this(options, mocks, integrations, startClock, randomSeed, 1_000_000L);
  }

  private LocalRunner(EngineOptions options, Mocks mocks, LocalIntegrations integrations, Clock startClock,
      long randomSeed, long maxAppliedInputs) {
    this.integrations = Objects.requireNonNull(integrations, "integrations");
    this.interpreter = new Interpreter(Objects.requireNonNull(options, "options"));
    this.mocks = Objects.requireNonNull(mocks, "mocks");
    this.startClock = Objects.requireNonNull(startClock, "startClock");
    this.randomSeed = randomSeed;
    this.maxAppliedInputs = maxAppliedInputs;
  }

  /** Runs without a test case: mocked responses apply to the Task states of the same name. */
  public RunResult run(String definitionJson, String inputJson) {
    return run(definitionJson, inputJson, null);
  }

  /**
   * @param inputJson the execution input as JSON text; null means {@code {}}
   * @param testCase the mock test case to use, or null for the by-name convenience mapping
   */
  public RunResult run(String definitionJson, String inputJson, String testCase) {
    return run(definitionJson, inputJson, testCase, AppliedInputObserver.NONE);
  }

  /**
   * As {@link #run(String, String, String)} for a state machine of the given type.
   *
   * @param type STANDARD or EXPRESS
   * @throws IllegalArgumentException for any other type
   */
  public RunResult run(String definitionJson, String inputJson, String testCase, String type) {
    if (!"STANDARD".equals(type) && !"EXPRESS".equals(type)) {
      throw new IllegalArgumentException("type must be STANDARD or EXPRESS but was " + type);
    }
    return run(definitionJson, inputJson, testCase, type, AppliedInputObserver.NONE);
  }

  /** As {@link #run(String, String, String)}, telling {@code observer} about every input applied. */
  RunResult run(String definitionJson, String inputJson, String testCase, AppliedInputObserver observer) {
    return run(definitionJson, inputJson, testCase, "STANDARD", observer);
  }

  /** As {@link #run(String, String, String, String)}, telling {@code observer} about every input applied. */
  RunResult run(String definitionJson, String inputJson, String testCase, String type, AppliedInputObserver observer) {
    Optional<MockPlan> plan = testCase == null ? Optional.of(mocks.defaultPlan()) : mocks.planFor(testCase);
    if (plan.isEmpty()) {
      return RunResult.failed(INVALID_INPUT, "Test case '" + testCase + "' is not defined in the mock configuration",
          List.of());
    }
    JsonNode input;
    try {
      input = parseInput(inputJson);
    } catch (JsonProcessingException e) {
      return RunResult.failed(INVALID_INPUT, "The input is not valid JSON: " + e.getOriginalMessage(), List.of());
    }
    ValidationResult compiled = Asl.compile(definitionJson, Expressions.compiler());
    if (!compiled.isValid()) {
      return RunResult.failed(VALIDATION_ERROR, describe(compiled.errors()), List.of());
    }
    Definition definition = new Definition(STATE_MACHINE_ARN, MACHINE_NAME, "1", type, ROLE_ARN,
        compiled.stateMachine().orElseThrow());
    RandomSource random = RandomSource.seeded(randomSeed);
    LocalRun run = new LocalRun(interpreter, definition, new MockedTasks(plan.get()), integrations, random,
        startClock.millis(), maxAppliedInputs, observer);
    String name = random.nextUuid();
    String arn = "EXPRESS".equals(type) ? EXPRESS_ARN_PREFIX + name + ":" + name : EXECUTION_ARN_PREFIX + name;
    return run.execute(arn, input);
  }

  private static JsonNode parseInput(String inputJson) throws JsonProcessingException {
    if (inputJson == null) {
      return WireJson.mapper().createObjectNode();
    }
    JsonNode input = STRICT_JSON.readTree(inputJson);
    if (input == null || input.isMissingNode()) {
      throw new JsonProcessingException("no JSON value") {};
    }
    return input;
  }

  /** {@code CODE at /pointer: message; ...} for every error diagnostic. */
  static String describe(List<Diagnostic> errors) {
    return errors.stream()
        .map(d -> d.code() + " at " + (d.location().isEmpty() ? "/" : d.location()) + ": " + d.message())
        .collect(Collectors.joining("; "));
  }
}
