package dev.stepstream.asl.diag;

import java.util.List;

/**
 * Diagnostic messages in AWS's own wording, one factory per kind, for the problems whose AWS text is
 * known from recorded AWS responses. Sources, for each: "rec" = LocalStack snapshot tests recorded
 * against AWS (tests/aws/services/stepfunctions/v2/**.snapshot.json, localstack/localstack);
 * "gh" = AWS output quoted in a GitHub issue.
 */
public final class AwsMessages {
  /** rec test_sfn_api_validation (an all-blank definition); no location. */
  public static final String NOT_AN_OBJECT = "Definition must be a valid JSON object";
  /** gh floci-io/floci#2735 and PR #2786; no location ("at null" in the API message). */
  public static final String NO_TERMINAL_STATE = "Workflow has no terminal state";
  /** rec test_state_mock_validation (empty Branches). */
  public static final String VALUE_CANNOT_BE_EMPTY = "Value cannot be empty";
  /** rec test_base_scenarios (Wait Timestamp). */
  public static final String NOT_A_TIMESTAMP = "String does not match RFC3339 timestamp";
  /** rec test_sfn_api_validation (a state's QueryLanguage under a JSONata machine). */
  public static final String JSONPATH_UNDER_JSONATA =
      "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine";
  /** rec test_test_state_machine_scenarios. */
  public static final String STATE_TYPES = "[Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]";
  /** rec test_sfn_api_express; AWS's text ends with a space. */
  public static final String EXPRESS_WAIT_FOR_TASK_TOKEN =
      "Express state machine does not support '.waitForTaskToken' service integration ";
  /** rec test_sfn_api_express. */
  public static final String EXPRESS_SYNC = "Express state machine does not support '.sync' service integration";
  /** rec test_sfn_api_express. */
  public static final String EXPRESS_ACTIVITY = "Express state machine does not support Activity ARN";

  private AwsMessages() {}

  /** rec test_sfn_api and test_sfn_api_validation: {@code These fields are required: [States, StartAt]}. */
  public static String fieldsRequired(List<String> fields) {
    return "These fields are required: [" + String.join(", ", fields) + "]";
  }

  /** rec test_credentials_base: {@code The field 'RoleArn' is required but was missing}. */
  public static String fieldRequired(String field) {
    return "The field '" + field + "' is required but was missing";
  }

  /** gh floci-io/floci#2735: {@code Field 'TimeoutSeconds' is not supported}, located at the object. */
  public static String fieldNotSupported(String field) {
    return "Field '" + field + "' is not supported";
  }

  /** rec test_test_state_machine_scenarios: the field's allowed values. */
  public static String shouldBeOneOf(String field, String values) {
    return "The field '" + field + "' should have one of these values: " + values;
  }

  /**
   * gh floci-io/floci#2968 for JSONata-only fields under JSONPath; the opposite direction is written
   * the same way (not seen recorded).
   */
  public static String onlyForQueryLanguage(String current, String field, String required) {
    return "The QueryLanguage is set to '" + current + "', but field '" + field + "' is only supported for the '"
        + required + "' QueryLanguage";
  }

  /**
   * gh localstack/localstack#11978 and serverless-step-functions#250: the word is 'Next' for every
   * transition field (Default, Catch and Choices too, per floci-io/floci PR #2786) and for StartAt.
   */
  public static String missingNextTarget(String stateName) {
    return "Missing 'Next' target: " + stateName;
  }

  /** gh localstack/localstack#11978 (code MISSING_TRANSITION_TARGET). */
  public static String notReachable(String stateName) {
    return "State \"" + stateName + "\" is not reachable.";
  }

  /** AWS Step Functions Local, quoted in localstack test_stepfunctions_v2.py (code DUPLICATE_STATE_NAME). */
  public static String duplicateStateName(String stateName) {
    return "Duplicate State name: " + stateName;
  }

  /** rec test_dynamodb_task_service (an unknown resource ARN). */
  public static String resourceNotRecognized(String resource) {
    return "The resource provided " + resource
        + " is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.";
  }

  /** rec test_base_scenarios ({@code parsed.$} in Parameters). */
  public static String invalidPathOrIntrinsic(String key) {
    return "The value for the field '" + key + "' must be a valid JSONPath or a valid intrinsic function call";
  }
}
