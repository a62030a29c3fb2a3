package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.ExecutionStateCodec;
import dev.stepstream.wire.StartExecution;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
