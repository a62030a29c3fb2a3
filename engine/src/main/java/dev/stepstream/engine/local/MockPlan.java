package dev.stepstream.engine.local;

import java.util.Map;
import java.util.Optional;

/**
 * The mocks one run uses: Task state name to its mocked response. Built from a test case, or (without
 * a test case) from every {@code MockedResponses} entry under its own name.
 */
public record MockPlan(Map<String, MockedResponse> byStateName) {
  public MockPlan {
    byStateName = Map.copyOf(byStateName);
  }

  public static MockPlan empty() {
    return new MockPlan(Map.of());
  }

  public Optional<MockedResponse> forState(String stateName) {
    return Optional.ofNullable(byStateName.get(stateName));
  }
}
