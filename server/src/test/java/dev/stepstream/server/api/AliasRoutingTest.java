package dev.stepstream.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.server.api.ops.AliasRouting;
import dev.stepstream.wire.StateMachineAlias;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AliasRoutingTest {
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:M";

  private static StateMachineAlias alias(int firstWeight) {
    List<StateMachineAlias.Route> routes = firstWeight == 100
        ? List.of(new StateMachineAlias.Route(MACHINE + ":1", 100))
        : List.of(new StateMachineAlias.Route(MACHINE + ":1", firstWeight),
            new StateMachineAlias.Route(MACHINE + ":2", 100 - firstWeight));
    return new StateMachineAlias(1, MACHINE + ":prod", "prod", MACHINE, null, routes, 1L, 1L);
  }

  private static Map<String, Long> spread(StateMachineAlias alias, int executions) {
    return IntStream.range(0, executions).mapToObj(i -> AliasRouting.versionFor(alias, "run-" + i))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  @Test
  void shouldAlwaysChooseTheOnlyVersion() {
    assertThat(spread(alias(100), 200)).containsOnlyKeys(MACHINE + ":1");
  }

  @Test
  void shouldChooseTheSameVersionForTheSameExecutionName() {
    StateMachineAlias alias = alias(50);
    assertThat(AliasRouting.versionFor(alias, "retried")).isEqualTo(AliasRouting.versionFor(alias, "retried"));
  }

  @Test
  void shouldFollowTheWeightsOverManyExecutions() {
    Map<String, Long> counts = spread(alias(20), 5_000);
    assertThat(counts.get(MACHINE + ":1")).isBetween(850L, 1_150L);
    assertThat(counts.get(MACHINE + ":2")).isBetween(3_850L, 4_150L);
  }

  @Test
  void shouldNeverChooseAVersionWeightedZero() {
    assertThat(spread(alias(0), 500)).containsOnlyKeys(MACHINE + ":2");
  }
}
