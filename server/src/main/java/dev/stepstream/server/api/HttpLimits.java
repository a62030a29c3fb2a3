package dev.stepstream.server.api;

import java.time.Duration;

/**
 * What one API instance accepts from HTTP clients, so that memory stays bounded whatever they send.
 *
 * @param maxConnections open connections at most; beyond it, new connections wait in the operating
 *     system's accept queue until one closes
 * @param maxConcurrentRequests AWS API requests ({@code POST /}) in progress at most; one more is answered
 *     at once with AWS's {@code ThrottlingException} ("Rate exceeded"), which the AWS SDKs retry
 * @param idleTimeout a connection that sends nothing (a slow or stalled client, between requests or in
 *     the middle of one) for this long is closed
 * @param minRequestBytesPerSecond a request body arriving slower than this on average fails (0, the default: no
 *     minimum; on a loaded machine the server itself may read slower than a fair client sends)
 */
public record HttpLimits(int maxConnections, int maxConcurrentRequests, Duration idleTimeout,
    long minRequestBytesPerSecond) {

  public static final HttpLimits DEFAULTS = new HttpLimits(1_000, 256, Duration.ofSeconds(30), 0);

  public HttpLimits {
    if (maxConnections < 1 || maxConcurrentRequests < 1) {
      throw new IllegalArgumentException("maxConnections and maxConcurrentRequests must be at least 1");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, not " + idleTimeout);
    }
  }

  public HttpLimits withMaxConnections(int max) {
    return new HttpLimits(max, maxConcurrentRequests, idleTimeout, minRequestBytesPerSecond);
  }

  public HttpLimits withMaxConcurrentRequests(int max) {
    return new HttpLimits(maxConnections, max, idleTimeout, minRequestBytesPerSecond);
  }

  public HttpLimits withIdleTimeout(Duration timeout) {
    return new HttpLimits(maxConnections, maxConcurrentRequests, timeout, minRequestBytesPerSecond);
  }
}
