package dev.stepstream.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a mock configuration, collecting every problem (with its JSON pointer) before failing. */
final class MockConfigParser {
  private static final Pattern INVOCATIONS = Pattern.compile("(0|[1-9][0-9]{0,8})(?:-(0|[1-9][0-9]{0,8}))?");
  private static final Set<String> TOP_LEVEL = Set.of("StateMachines", "MockedResponses");

  private final List<String> problems = new ArrayList<>();

  Mocks parse(JsonNode root) throws InvalidMocksException {
    if (root == null || !root.isObject()) {
      throw new InvalidMocksException(List.of("at /: the mock configuration must be a JSON object"));
    }
    root.fieldNames().forEachRemaining(name -> {
      if (!TOP_LEVEL.contains(name)) {
        problem("/" + escape(name), "unknown field '" + name + "' (expected StateMachines and MockedResponses)");
      }
    });
    Map<String, MockedResponse> responses = responses(root.get("MockedResponses"));
    List<Mocks.StateMachineTestCases> machines = stateMachines(root.get("StateMachines"), responses);
    if (!problems.isEmpty()) {
      throw new InvalidMocksException(problems);
    }
    return new Mocks(responses, machines);
  }

  private Map<String, MockedResponse> responses(JsonNode node) {
    Map<String, MockedResponse> result = new LinkedHashMap<>();
    if (node == null) {
      return result;
    }
    if (!node.isObject()) {
      problem("/MockedResponses", "must be an object of named mocked responses");
      return result;
    }
    node.fields().forEachRemaining(e -> {
      String pointer = "/MockedResponses/" + escape(e.getKey());
      List<InvocationRange> ranges = ranges(e.getValue(), pointer);
      result.put(e.getKey(), new MockedResponse(e.getKey(), ranges));
    });
    return result;
  }

  private List<InvocationRange> ranges(JsonNode node, String pointer) {
    List<InvocationRange> ranges = new ArrayList<>();
    if (!node.isObject() || node.isEmpty()) {
      problem(pointer, "must be a non-empty object of invocations (\"0\", \"1-2\", ...) to {\"Return\": ...} or {\"Throw\": ...}");
      return ranges;
    }
    node.fields().forEachRemaining(e -> {
      String at = pointer + "/" + escape(e.getKey());
      Matcher m = INVOCATIONS.matcher(e.getKey());
      if (!m.matches()) {
        problem(at, "invocation key '" + e.getKey() + "' must be a 0-based number (\"0\") or range (\"1-2\")");
        return;
      }
      int first = Integer.parseInt(m.group(1));
      int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
      if (last < first) {
        problem(at, "invocation range '" + e.getKey() + "' ends before it starts");
        return;
      }
      MockResponse response = response(e.getValue(), at);
      if (response == null) {
        return;
      }
      InvocationRange range = new InvocationRange(first, last, response);
      ranges.stream().filter(range::overlaps).findFirst().ifPresentOrElse(
          other -> problem(at, "invocations " + e.getKey() + " overlap invocations " + label(other)),
          () -> ranges.add(range));
    });
    return ranges;
  }

  private MockResponse response(JsonNode node, String at) {
    if (!node.isObject() || node.size() != 1 || !(node.has("Return") || node.has("Throw"))) {
      problem(at, "must be an object with exactly one field, \"Return\" or \"Throw\"");
      return null;
    }
    if (node.has("Return")) {
      return new MockResponse.Return(node.get("Return"));
    }
    JsonNode thrown = node.get("Throw");
    String throwAt = at + "/Throw";
    if (!thrown.isObject()) {
      problem(throwAt, "must be an object {\"Error\": string, \"Cause\": string}");
      return null;
    }
    boolean ok = true;
    JsonNode error = thrown.get("Error");
    if (error == null || !error.isTextual() || error.asText().isEmpty()) {
      problem(throwAt + "/Error", "is required and must be a non-empty string");
      ok = false;
    }
    JsonNode cause = thrown.get("Cause");
    if (cause != null && !cause.isTextual() && !cause.isNull()) {
      problem(throwAt + "/Cause", "must be a string");
      ok = false;
    }
    thrown.fieldNames().forEachRemaining(f -> {
      if (!f.equals("Error") && !f.equals("Cause")) {
        problem(throwAt + "/" + escape(f), "unknown field '" + f + "' (expected Error and Cause)");
      }
    });
    return ok ? new MockResponse.Throw(error.asText(), cause == null || cause.isNull() ? null : cause.asText()) : null;
  }

  private List<Mocks.StateMachineTestCases> stateMachines(JsonNode node, Map<String, MockedResponse> responses) {
    List<Mocks.StateMachineTestCases> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    if (!node.isObject()) {
      problem("/StateMachines", "must be an object of state machine names");
      return result;
    }
    node.fields().forEachRemaining(e -> {
      String pointer = "/StateMachines/" + escape(e.getKey());
      JsonNode testCases = e.getValue().isObject() ? e.getValue().get("TestCases") : null;
      if (testCases == null || !testCases.isObject()) {
        problem(pointer + "/TestCases", "is required and must be an object of test cases");
        return;
      }
      Map<String, Map<String, String>> cases = new LinkedHashMap<>();
      testCases.fields().forEachRemaining(tc ->
          cases.put(tc.getKey(), testCase(tc.getValue(), pointer + "/TestCases/" + escape(tc.getKey()), responses)));
      result.add(new Mocks.StateMachineTestCases(e.getKey(), cases));
    });
    return result;
  }

  private Map<String, String> testCase(JsonNode node, String pointer, Map<String, MockedResponse> responses) {
    Map<String, String> mapping = new LinkedHashMap<>();
    if (!node.isObject()) {
      problem(pointer, "must be an object of Task state names to mocked response names");
      return mapping;
    }
    node.fields().forEachRemaining(e -> {
      String at = pointer + "/" + escape(e.getKey());
      if (!e.getValue().isTextual()) {
        problem(at, "must be the name of a mocked response (a string)");
      } else if (!responses.containsKey(e.getValue().asText())) {
        problem(at, "mocked response '" + e.getValue().asText() + "' is not defined in MockedResponses");
      } else {
        mapping.put(e.getKey(), e.getValue().asText());
      }
    });
    return mapping;
  }

  private void problem(String pointer, String message) {
    problems.add("at " + pointer + ": " + message);
  }

  private static String label(InvocationRange range) {
    return range.first() == range.last() ? String.valueOf(range.first()) : range.first() + "-" + range.last();
  }

  /** RFC 6901 escaping of one reference token. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
