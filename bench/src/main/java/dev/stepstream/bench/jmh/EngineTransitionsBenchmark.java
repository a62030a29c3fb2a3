package dev.stepstream.bench.jmh;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.engine.Decision;
import dev.stepstream.engine.Definition;
import dev.stepstream.engine.EngineContext;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.engine.Interpreter;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.WireVersions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-memory interpreter throughput in state transitions per second, one thread (target ≥ 500,000):
 * one execution of a 10-state Pass chain, and one of a Pass/Choice loop that runs 100 rounds
 * (200 transitions), each from StartExecution to ExecutionSucceeded inside one apply call,
 * including history events and the final state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineTransitionsBenchmark {
  private static final String PASS_CHAIN = passChain(10);
  private static final String CHOICE_LOOP = """
      {"StartAt": "Init", "States": {
        "Init": {"Type": "Pass", "Result": 0, "ResultPath": "$.n", "Next": "Check"},
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThan": 100, "Next": "Inc"}],
                  "Default": "Done"},
        "Inc": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, "Next": "Check"},
        "Done": {"Type": "Succeed"}}}
      """;

  @Param({"pass-chain", "choice-loop"})
  public String workflow;

  private Interpreter interpreter;
  private Definition definition;
  private StartExecution start;
  private long counter;

  @Setup
  public void compile() {
    String json = workflow.equals("pass-chain") ? PASS_CHAIN : CHOICE_LOOP;
    definition = new Definition("arn:aws:states:us-east-1:123456789012:stateMachine:Bench", "Bench", "r1",
        "STANDARD", "", Asl.compile(json).stateMachine().orElseThrow());
    interpreter = new Interpreter(EngineOptions.defaults());
    start = new StartExecution(WireVersions.CURRENT,
        "arn:aws:states:us-east-1:123456789012:execution:Bench:b", definition.arn(), "b",
        JsonNodeFactory.instance.objectNode().put("order", 42), 1L);
  }

  /** Executions per second; multiply by 10 (chain) or 202 (loop) for transitions per second. */
  @Benchmark
  public Decision execution() {
    Decision decision = interpreter.apply(null, start, context(counter++));
    if (decision.state().orElseThrow().status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException("benchmark execution did not succeed: " + decision);
    }
    return decision;
  }

  private EngineContext context(long seed) {
    return new EngineContext() {
      private final RandomSource random = RandomSource.seeded(seed);

      @Override
      public long nowMillis() {
        return 1_764_000_000_000L;
      }

      @Override
      public RandomSource random() {
        return random;
      }

      @Override
      public Optional<Definition> definition(String stateMachineArn) {
        return Optional.of(definition);
      }
    };
  }

  private static String passChain(int states) {
    StringBuilder json = new StringBuilder("{\"StartAt\": \"S0\", \"States\": {");
    for (int i = 0; i < states; i++) {
      json.append(i == 0 ? "" : ",").append("\"S").append(i).append("\": {\"Type\": \"Pass\", ")
          .append(i == states - 1 ? "\"End\": true}" : "\"Next\": \"S" + (i + 1) + "\"}");
    }
    return json.append("}}").toString();
  }
}
