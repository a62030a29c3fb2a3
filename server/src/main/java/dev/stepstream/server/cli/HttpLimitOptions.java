package dev.stepstream.server.cli;

import dev.stepstream.server.api.HttpLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The API's HTTP limits as options (docs/api.md#limits). */
final class HttpLimitOptions {
  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1000",
      description = "Open HTTP connections at most; more wait to be accepted (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--max-concurrent-requests", paramLabel = "N", defaultValue = "256",
      description = "AWS API requests in progress at most; one more gets ThrottlingException (default: ${DEFAULT-VALUE}).")
  int maxConcurrentRequests;

  @Option(names = "--http-idle-timeout", paramLabel = "DURATION", defaultValue = "PT30S",
      description = "Close a connection that sends nothing for this long, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  HttpLimits limits() {
    return HttpLimits.DEFAULTS.withMaxConnections(maxConnections).withMaxConcurrentRequests(maxConcurrentRequests)
        .withIdleTimeout(idleTimeout);
  }
}
