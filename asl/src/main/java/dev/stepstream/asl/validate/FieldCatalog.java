package dev.stepstream.asl.validate;

import dev.stepstream.asl.model.QueryLanguage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which fields each state type accepts in each query language (AWS state pages and "Transforming
 * data with JSONata": JSONata drops InputPath, Parameters, ResultSelector, ResultPath, OutputPath,
 * ItemsPath and every {@code *Path} field, and adds Arguments, Output and Items).
 */
public final class FieldCatalog {
  public static final Set<String> STATE_TYPES = Set.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
  private static final Set<String> TRANSITION = Set.of("Next", "End");

  private static final Map<String, Set<String>> JSONPATH = Map.of(
      "Pass", Set.of("InputPath", "OutputPath", "Parameters", "ResultPath", "Result", "Assign"),
      "Task", Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Assign", "Retry", "Catch",
          "Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"),
      "Choice", Set.of("InputPath", "OutputPath", "Choices", "Default", "Assign"),
      "Wait", Set.of("InputPath", "OutputPath", "Assign", "Seconds", "SecondsPath", "Timestamp", "TimestampPath"),
      "Succeed", Set.of("InputPath", "OutputPath"),
      "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
      "Parallel", Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Assign", "Retry",
          "Catch", "Branches"),
      "Map", Set.of("InputPath", "OutputPath", "ItemsPath", "ItemSelector", "Parameters", "ResultSelector", "ResultPath",
          "Assign", "Retry", "Catch", "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ItemReader",
          "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
          "ToleratedFailureCount", "ToleratedFailureCountPath", "Label"));

  private static final Map<String, Set<String>> JSONATA = Map.of(
      "Pass", Set.of("Output", "Assign"),
      "Task", Set.of("Arguments", "Output", "Assign", "Retry", "Catch", "Resource", "TimeoutSeconds", "HeartbeatSeconds",
          "Credentials"),
      "Choice", Set.of("Choices", "Default", "Output", "Assign"),
      "Wait", Set.of("Output", "Assign", "Seconds", "Timestamp"),
      "Succeed", Set.of("Output"),
      "Fail", Set.of("Error", "Cause"),
      "Parallel", Set.of("Arguments", "Output", "Assign", "Retry", "Catch", "Branches"),
      "Map", Set.of("Items", "ItemSelector", "Output", "Assign", "Retry", "Catch", "ItemProcessor", "MaxConcurrency",
          "ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage", "ToleratedFailureCount", "Label"));

  private static final Set<String> TERMINAL_BY_TYPE = Set.of("Choice", "Succeed", "Fail");

  private FieldCatalog() {}

  /** The fields a state of this type accepts in this query language (empty for unknown types). */
  public static Set<String> allowed(String type, QueryLanguage language) {
    Map<String, Set<String>> table = language == QueryLanguage.JSONATA ? JSONATA : JSONPATH;
    Set<String> specific = table.get(type);
    if (specific == null) {
      return Set.of();
    }
    Set<String> all = new HashSet<>(COMMON);
    all.addAll(specific);
    if (!TERMINAL_BY_TYPE.contains(type)) {
      all.addAll(TRANSITION);
    }
    return all;
  }

  /** True for Choice, Succeed and Fail, which take neither Next nor End. */
  public static boolean transitionFixedByType(String type) {
    return TERMINAL_BY_TYPE.contains(type);
  }
}
