package dev.stepstream.bench.harness;

import dev.stepstream.broker.EmbeddedBrokerConfig;
import dev.stepstream.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The benchmark's broker process: starts an embedded single-node broker on a temporary directory,
 * prints {@code BROKER <host:port>} on standard output, and stops when standard input closes
 * (the parent exited or asked it to).
 */
public final class BrokerMain {
  public static final String READY_PREFIX = "BROKER ";

  private BrokerMain() {}

  public static void main(String[] args) throws IOException {
    // Operating-system sized socket buffers: the default fixed buffers fill under closed-loop load.
    EmbeddedBrokerConfig config = EmbeddedBrokerConfig.ephemeral().withOverrides(Map.of(
        "socket.send.buffer.bytes", "-1", "socket.receive.buffer.bytes", "-1"));
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config)) {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      out.println(READY_PREFIX + broker.bootstrapServers());
      while (System.in.read() >= 0) {
        // wait for end of input
      }
    }
  }
}
