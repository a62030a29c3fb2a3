package dev.stepstream.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to run the embedded broker.
 *
 * @param port the client port; 0 picks a free one
 * @param dataDir where the log lives; null for a temporary directory deleted on close
 * @param fresh delete {@code dataDir} before starting
 * @param readyTimeout how long to wait for the broker to serve metadata
 * @param overrides extra broker properties, applied last
 */
public record EmbeddedBrokerConfig(int port, Path dataDir, boolean fresh, Duration readyTimeout, Map<String, String> overrides) {

  public EmbeddedBrokerConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
    }
    overrides = Map.copyOf(overrides);
  }

  /** A broker on a free port with a temporary data directory, as tests want it. */
  public static EmbeddedBrokerConfig ephemeral() {
    return new EmbeddedBrokerConfig(0, null, false, Duration.ofSeconds(60), Map.of());
  }

  public static EmbeddedBrokerConfig persistent(int port, Path dataDir, boolean fresh) {
    return new EmbeddedBrokerConfig(port, dataDir, fresh, Duration.ofSeconds(60), Map.of());
  }

  public EmbeddedBrokerConfig withReadyTimeout(Duration timeout) {
    return new EmbeddedBrokerConfig(port, dataDir, fresh, timeout, overrides);
  }

  public EmbeddedBrokerConfig withOverrides(Map<String, String> extra) {
    return new EmbeddedBrokerConfig(port, dataDir, fresh, readyTimeout, extra);
  }
}
