package dev.stepstream.engine.local;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One named entry of {@code MockedResponses}: what each invocation of a Task state answers. */
public record MockedResponse(String name, List<InvocationRange> ranges) {
  public MockedResponse {
    Objects.requireNonNull(name, "name");
    ranges = List.copyOf(ranges);
  }

  /** The response for the given 0-based invocation (retries count as invocations), if one is defined. */
  public Optional<MockResponse> forInvocation(int invocation) {
    for (InvocationRange range : ranges) {
      if (range.covers(invocation)) {
        return Optional.of(range.response());
      }
    }
    return Optional.empty();
  }
}
