package dev.stepstream.asl.jsonata;

import static dev.stepstream.asl.jsonata.JsonataTesting.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.RandomSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JsonataConcurrencyTest {
  private static final int THREADS = 4;
  private static final int ROUNDS = 250;

  private final JsonNode template = json("""
      {"id":"{% $states.input.id %}",
       "doubled":"{% $map($states.input.xs, function($v){ $v * 2 }) %}",
       "tag":"{% ($t := $prefix & $string($states.input.id); $uppercase($t)) %}",
       "rand":"{% $random() %}"}""");

  @Test
  void shouldGiveEachThreadItsOwnCorrectResultFromOneCompiledTemplate() throws Exception {
    Expression expression = JsonataExpressions.template(template, "Output");
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> checked = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        checked.add(pool.submit(worker(expression, t, start)));
      }
      for (Future<Integer> future : checked) {
        assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo(ROUNDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<Integer> worker(Expression expression, int thread, CyclicBarrier start) {
    return () -> {
      start.await();
      int checked = 0;
      for (int round = 0; round < ROUNDS; round++) {
        int id = thread * 100_000 + round;
        EvalContext ctx = EvalContext.of(json("{\"id\":" + id + ",\"xs\":[" + id + ",1]}"), json("{}"),
            Map.of("prefix", json("\"t" + thread + "-\"")), RandomSource.seeded(id));
        JsonNode result = expression.evaluate(ctx);
        assertThat(result.get("id").intValue()).isEqualTo(id);
        assertThat(result.get("doubled")).isEqualTo(json("[" + (2 * id) + ",2]"));
        assertThat(result.get("tag").textValue()).isEqualTo("T" + thread + "-" + id);
        assertThat(result.get("rand").doubleValue()).isEqualTo(RandomSource.seeded(id).nextDouble());
        checked++;
      }
      return checked;
    };
  }

  @Test
  void shouldBeDeterministicUnderASeededRandomSource() throws Exception {
    Expression expression = JsonataExpressions.template(
        json("{\"r\":\"{% $random() %}\",\"u\":\"{% $uuid() %}\",\"s\":\"{% $random(7) %}\"}"), "Output");

    JsonNode first = expression.evaluate(EvalContext.of(json("{}"), json("{}"), Map.of(), RandomSource.seeded(99)));
    JsonNode second = expression.evaluate(EvalContext.of(json("{}"), json("{}"), Map.of(), RandomSource.seeded(99)));
    JsonNode other = expression.evaluate(EvalContext.of(json("{}"), json("{}"), Map.of(), RandomSource.seeded(100)));

    assertThat(second).isEqualTo(first);
    assertThat(other.get("r")).isNotEqualTo(first.get("r"));
    assertThat(other.get("u")).isNotEqualTo(first.get("u"));
    assertThat(other.get("s")).isEqualTo(first.get("s"));
  }
}
