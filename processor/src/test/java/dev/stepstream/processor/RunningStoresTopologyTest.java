package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.ExecutionStateCodec;
import dev.stepstream.wire.StartExecution;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stores the API reads: registered by the partition's processor while it runs, gone once it closes. */
class RunningStoresTopologyTest {
  private static final String WAIT = """
      {"StartAt": "Hold", "States": {"Hold": {"Type": "Wait", "Seconds": 60, "End": true}}}
      """;

  @TempDir Path stateDir;

  @Test
  void shouldServeTheRunningPartitionsStateAndTraceUntilItsProcessorCloses() {
    TopologyHarness harness = new TopologyHarness(stateDir);
    harness.define(WAIT);
    String arn = "arn:aws:states:us-east-1:123456789012:execution:Test:held";
    harness.send(new StartExecution(1, arn, TopologyHarness.MACHINE, "held", JsonNodeFactory.instance.objectNode(),
        1L, null, "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"));

    RunningStores.Partition partition = harness.running.of(0).orElseThrow();
    assertThat(harness.running.all()).containsExactly(partition);
    assertThat(ExecutionStateCodec.decode(partition.executions().get(arn)).summary().name()).isEqualTo("held");
    assertThat(partition.traces().get(arn)).endsWith(" Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    assertThat(partition.executions().get(arn + "-other")).isNull();

    harness.close();

    assertThat(harness.running.of(0)).isEmpty();
    assertThat(harness.running.all()).isEmpty();
  }

  @Test
  void shouldKeepANewerProcessorsStoresWhenAnOlderOneClosesLate() {
    RunningStores running = new RunningStores();
    RunningStores.Partition older = new RunningStores.Partition(new MapStore<>("s"), new MapStore<>("s"));
    RunningStores.Partition newer = new RunningStores.Partition(new MapStore<>("s"), new MapStore<>("s"));

    running.opened(3, older);
    running.opened(3, newer);
    running.closed(3, older);

    assertThat(running.of(3)).containsSame(newer);
    running.closed(3, newer);
    assertThat(running.of(3)).isEmpty();
  }

  @Test
  void shouldReadOnlyThePartitionAProducerSendsTheExecutionsCommandsTo() {
    RunningStores running = new RunningStores(6);
    List<RunningStores.Partition> partitions = new ArrayList<>();
    for (int p = 0; p < 6; p++) {
      partitions.add(new RunningStores.Partition(new MapStore<>("s" + p), new MapStore<>("t" + p)));
      running.opened(p, partitions.get(p));
    }

    for (String name : List.of("a", "held", "order-42", "9f1c2e7a-3b44-4c1e-9d0a-5b6e7f8a9b0c")) {
      String arn = "arn:aws:states:us-east-1:123456789012:execution:Test:" + name;
      int sentTo = BuiltInPartitioner.partitionForKey(arn.getBytes(StandardCharsets.UTF_8), 6);
      assertThat(running.holding(arn)).as(arn).containsExactly(partitions.get(sentTo));
    }
  }

  @Test
  void shouldReadNothingHereWhenTheExecutionsPartitionRunsElsewhere() {
    RunningStores running = new RunningStores(6);
    String arn = "arn:aws:states:us-east-1:123456789012:execution:Test:held";
    int sentTo = BuiltInPartitioner.partitionForKey(arn.getBytes(StandardCharsets.UTF_8), 6);
    running.opened((sentTo + 1) % 6, new RunningStores.Partition(new MapStore<>("s"), new MapStore<>("t")));

    assertThat(running.holding(arn)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2})
  void shouldReadEveryRunningPartitionWhenThePartitionCountIsUnknownOrOutgrown(int partitionsAtStart) {
    RunningStores running = new RunningStores(partitionsAtStart);
    RunningStores.Partition low = new RunningStores.Partition(new MapStore<>("s"), new MapStore<>("t"));
    RunningStores.Partition high = new RunningStores.Partition(new MapStore<>("s"), new MapStore<>("t"));
    running.opened(1, low);
    running.opened(4, high);

    assertThat(running.holding("arn:aws:states:us-east-1:123456789012:execution:Test:held"))
        .containsExactlyInAnyOrder(low, high);
  }
}
