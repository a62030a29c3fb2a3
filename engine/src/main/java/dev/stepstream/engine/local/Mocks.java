package dev.stepstream.engine.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.WireJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A mock configuration in the AWS Step Functions Local format ({@code MockConfigFile.json}):
 *
 * <pre>
 * { "StateMachines": { "&lt;machine&gt;": { "TestCases": { "&lt;case&gt;": { "&lt;TaskState&gt;": "&lt;responseName&gt;" } } } },
 *   "MockedResponses": { "&lt;responseName&gt;": { "0": {"Return": ...}, "1-2": {"Throw": {"Error": ..., "Cause": ...}} } } }
 * </pre>
 *
 * <p>A test case is selected by name alone: the first state machine (in file order) that defines it
 * wins, since a local run has no state machine name to match. Without a test case, Stepstream applies
 * a convenience extension: a {@code MockedResponses} entry whose name equals a Task state's name mocks
 * that state. Immutable and thread-safe.
 */
public final class Mocks {
  private static final Mocks NONE = new Mocks(Map.of(), List.of());

  private final Map<String, MockedResponse> responses;
  private final List<StateMachineTestCases> stateMachines;

  Mocks(Map<String, MockedResponse> responses, List<StateMachineTestCases> stateMachines) {
    this.responses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(responses));
    this.stateMachines = List.copyOf(stateMachines);
  }

  /** No mocks at all: every Task fails with States.TaskFailed. */
  public static Mocks none() {
    return NONE;
  }

  /** @throws InvalidMocksException listing every problem with its JSON pointer */
  public static Mocks parse(JsonNode config) throws InvalidMocksException {
    return new MockConfigParser().parse(config);
  }

  /** @throws InvalidMocksException when the text is not JSON or not a valid mock configuration */
  public static Mocks parse(String json) throws InvalidMocksException {
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = WireJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidMocksException(List.of("at /: not valid JSON: " + e.getOriginalMessage()));
    }
    return parse(tree == null ? WireJson.mapper().missingNode() : tree);
  }

  /** The named mocked responses, in file order. */
  public Map<String, MockedResponse> responses() {
    return responses;
  }

  public boolean hasTestCase(String testCase) {
    return stateMachines.stream().anyMatch(m -> m.testCases().containsKey(testCase));
  }

  /** The plan of the named test case (first state machine defining it), or empty when none defines it. */
  public Optional<MockPlan> planFor(String testCase) {
    for (StateMachineTestCases machine : stateMachines) {
      Map<String, String> mapping = machine.testCases().get(testCase);
      if (mapping != null) {
        Map<String, MockedResponse> byState = new LinkedHashMap<>();
        mapping.forEach((state, responseName) -> byState.put(state, responses.get(responseName)));
        return Optional.of(new MockPlan(byState));
      }
    }
    return Optional.empty();
  }

  /** The plan without a test case: each mocked response applies to the Task state of the same name. */
  public MockPlan defaultPlan() {
    return new MockPlan(responses);
  }

  /** One entry of {@code StateMachines}: test case name to (state name to response name). */
  record StateMachineTestCases(String name, Map<String, Map<String, String>> testCases) {
    StateMachineTestCases {
      Map<String, Map<String, String>> copy = new LinkedHashMap<>();
      testCases.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
      testCases = java.util.Collections.unmodifiableMap(copy);
    }
  }
}
