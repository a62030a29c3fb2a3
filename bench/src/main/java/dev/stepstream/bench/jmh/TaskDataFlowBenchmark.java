package dev.stepstream.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.dataflow.JsonPathDataFlow;
import dev.stepstream.asl.dataflow.PayloadTemplate;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.asl.eval.ResultPathExpression;
import dev.stepstream.asl.path.JsonPathExpressions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Task state's full JSONPath data flow on a 2 KiB document: InputPath, Parameters with five
 * {@code .$} keys, ResultSelector, ResultPath and OutputPath (target: at most 5 µs per state).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TaskDataFlowBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PathExpression inputPath;
  private Expression parameters;
  private Expression resultSelector;
  private ResultPathExpression resultPath;
  private PathExpression outputPath;
  private EvalContext context;
  private JsonNode taskResult;

  @Setup
  public void compile() throws InvalidExpressionException {
    inputPath = JsonPathExpressions.path("$.order");
    parameters = PayloadTemplate.compile(JSON.valueToTree(Map.of(
        "id.$", "$.id",
        "customer.$", "$.customer.name",
        "firstItem.$", "$.items[0].sku",
        "execution.$", "$$.Execution.Id",
        "total.$", "$.total",
        "mode", "express")));
    resultSelector = PayloadTemplate.compile(JSON.valueToTree(Map.of(
        "status.$", "$.Payload.status",
        "code.$", "$.StatusCode")));
    resultPath = JsonPathExpressions.resultPath("$.processing.result");
    outputPath = JsonPathExpressions.path("$.processing");
    context = EvalContext.of(document(), context(), Map.of(), RandomSource.seeded(1));
    taskResult = JSON.createObjectNode()
        .put("StatusCode", 200)
        .set("Payload", JSON.createObjectNode().put("status", "SHIPPED").put("tracking", "ZX81"));
  }

  /** Returns the state output so the JIT cannot drop the work. */
  @Benchmark
  public JsonNode fullTaskDataFlow() {
    JsonNode raw = context.input();
    JsonNode effective = JsonPathDataFlow.inputPath(inputPath, context);
    EvalContext onEffective = context.withInput(effective);
    JsonNode request = parameters.evaluate(onEffective);
    JsonNode selected = resultSelector.evaluate(onEffective.withInput(taskResult));
    JsonNode combined = JsonPathDataFlow.resultPath(resultPath, raw, selected);
    return request.size() > 0 ? JsonPathDataFlow.outputPath(outputPath, combined, context) : combined;
  }

  /** A document of about 2 KiB: an order with twenty line items. */
  static JsonNode document() {
    ObjectNode order = JSON.createObjectNode().put("id", "ord-2026-000417").put("total", 1234.56);
    order.set("customer", JSON.createObjectNode().put("name", "Ada Lovelace").put("tier", "gold"));
    ArrayNode items = order.putArray("items");
    for (int i = 0; i < 20; i++) {
      items.addObject().put("sku", "SKU-" + (1000 + i)).put("qty", i % 3 + 1).put("price", 9.99 + i);
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("order", order);
    root.put("source", "web");
    return root;
  }

  private static JsonNode context() {
    ObjectNode ctx = JSON.createObjectNode();
    ctx.putObject("Execution").put("Id", "arn:aws:states:us-east-1:123456789012:execution:Orders:run-1");
    return ctx;
  }
}
