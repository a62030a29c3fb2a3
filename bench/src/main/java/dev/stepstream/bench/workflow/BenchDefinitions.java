package dev.stepstream.bench.workflow;

/** The state machines the workflow scenarios run. */
final class BenchDefinitions {
  private BenchDefinitions() {}

  /** {@code count} Pass states in a row. */
  static String passChain(int count) {
    return chain(count, i -> "{\"Type\": \"Pass\", \"ResultPath\": \"$.p" + i + "\", \"Result\": " + i);
  }

  /** {@code count} Task states in a row, each calling the echo worker. */
  static String taskChain(int count) {
    return chain(count, i -> "{\"Type\": \"Task\", \"Resource\": \"" + EngineRig.ECHO_RESOURCE + "\"");
  }

  /** A Map over {@code $.items}, at most {@code maxConcurrency} iterations at once, each one Pass state. */
  static String map(int maxConcurrency) {
    return """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": %d,
          "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}},
          "ResultPath": null, "End": true}}}
        """.formatted(maxConcurrency);
  }

  private static String chain(int count, java.util.function.IntFunction<String> stateOpen) {
    StringBuilder json = new StringBuilder("{\"StartAt\": \"S1\", \"States\": {");
    for (int i = 1; i <= count; i++) {
      json.append(i > 1 ? ", " : "").append("\"S").append(i).append("\": ").append(stateOpen.apply(i))
          .append(i < count ? ", \"Next\": \"S" + (i + 1) + "\"}" : ", \"End\": true}");
    }
    return json.append("}}").toString();
  }
}
