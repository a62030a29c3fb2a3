package dev.stepstream.asl.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One element of a {@code Retry} array, with AWS defaults made explicit: IntervalSeconds 1,
 * MaxAttempts 3, BackoffRate 2.0, JitterStrategy NONE, MaxDelaySeconds absent (no cap).
 */
public record Retrier(
    List<String> errorEquals,
    int intervalSeconds,
    int maxAttempts,
    double backoffRate,
    OptionalInt maxDelaySeconds,
    JitterStrategy jitterStrategy) {

  public static final int DEFAULT_INTERVAL_SECONDS = 1;
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final double DEFAULT_BACKOFF_RATE = 2.0;

  public Retrier {
    errorEquals = List.copyOf(errorEquals);
    Objects.requireNonNull(maxDelaySeconds, "maxDelaySeconds");
    Objects.requireNonNull(jitterStrategy, "jitterStrategy");
  }
}
