package dev.stepstream.engine.local;

import java.util.Objects;

/**
 * The response for invocations {@code first..last} (0-based, inclusive) of a mocked Task state,
 * written {@code "0"} or {@code "1-2"} in the mock configuration.
 */
public record InvocationRange(int first, int last, MockResponse response) {
  public InvocationRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("invalid invocation range " + first + "-" + last);
    }
    Objects.requireNonNull(response, "response");
  }

  public boolean covers(int invocation) {
    return invocation >= first && invocation <= last;
  }

  public boolean overlaps(InvocationRange other) {
    return first <= other.last && other.first <= last;
  }
}
