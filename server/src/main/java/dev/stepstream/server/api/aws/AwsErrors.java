package dev.stepstream.server.api.aws;

/** AWS Step Functions error names (the {@code __type} of an error response) and their factories. */
public final class AwsErrors {
  public static final String VALIDATION = "ValidationException";
  public static final String SERIALIZATION = "SerializationException";
  public static final String UNKNOWN_OPERATION = "UnknownOperationException";
  public static final String INTERNAL_FAILURE = "InternalFailure";
  public static final String MISSING_REQUIRED_PARAMETER = "MissingRequiredParameter";
  public static final String INVALID_ARN = "InvalidArn";
  public static final String INVALID_NAME = "InvalidName";
  public static final String INVALID_DEFINITION = "InvalidDefinition";
  public static final String INVALID_EXECUTION_INPUT = "InvalidExecutionInput";
  public static final String INVALID_OUTPUT = "InvalidOutput";
  public static final String INVALID_TOKEN = "InvalidToken";
  public static final String STATE_MACHINE_DOES_NOT_EXIST = "StateMachineDoesNotExist";
  public static final String STATE_MACHINE_ALREADY_EXISTS = "StateMachineAlreadyExists";
  public static final String STATE_MACHINE_TYPE_NOT_SUPPORTED = "StateMachineTypeNotSupported";
  public static final String EXECUTION_DOES_NOT_EXIST = "ExecutionDoesNotExist";
  public static final String EXECUTION_ALREADY_EXISTS = "ExecutionAlreadyExists";
  public static final String EXECUTION_NOT_REDRIVABLE = "ExecutionNotRedrivable";
  public static final String ACTIVITY_DOES_NOT_EXIST = "ActivityDoesNotExist";
  public static final String TASK_DOES_NOT_EXIST = "TaskDoesNotExist";
  public static final String TASK_TIMED_OUT = "TaskTimedOut";
  public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
  public static final String TOO_MANY_TAGS = "TooManyTags";
  public static final String CONFLICT = "ConflictException";
  public static final String SERVICE_QUOTA_EXCEEDED = "ServiceQuotaExceededException";
  public static final String THROTTLING = "ThrottlingException";
  public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

  private AwsErrors() {}

  public static AwsException validation(String message) {
    return new AwsException(VALIDATION, message);
  }

  /** AWS's wording for a constraint violation on one request member. */
  public static AwsException constraint(String member, Object value, String constraint) {
    return validation("1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'")
        + " at '" + member + "' failed to satisfy constraint: " + constraint);
  }

  /** What AWS answers a caller over its request rate; the AWS SDKs back off and retry it. */
  public static AwsException throttled() {
    return new AwsException(THROTTLING, "Rate exceeded");
  }

  /** A retryable HTTP 503 (the AWS SDKs retry it): the service cannot serve the request now. */
  public static AwsException unavailable(String message) {
    return new AwsException(SERVICE_UNAVAILABLE, message, 503);
  }

  public static AwsException missing(String member) {
    return constraint(member, null, "Member must not be null");
  }

  public static AwsException invalidArn(String arn) {
    return new AwsException(INVALID_ARN, "Invalid Arn: '" + arn + "'");
  }

  public static AwsException invalidName(String name) {
    return new AwsException(INVALID_NAME, "Invalid Name: '" + name + "'");
  }

  public static AwsException stateMachineDoesNotExist(String arn) {
    return new AwsException(STATE_MACHINE_DOES_NOT_EXIST, "State Machine Does Not Exist: '" + arn + "'");
  }

  public static AwsException executionDoesNotExist(String arn) {
    return new AwsException(EXECUTION_DOES_NOT_EXIST, "Execution Does Not Exist: '" + arn + "'");
  }

  public static AwsException activityDoesNotExist(String arn) {
    return new AwsException(ACTIVITY_DOES_NOT_EXIST, "Activity Does Not Exist: '" + arn + "'");
  }

  public static AwsException resourceNotFound(String arn) {
    return new AwsException(RESOURCE_NOT_FOUND, "Resource not found: '" + arn + "'");
  }

  public static AwsException conflict(String message) {
    return new AwsException(CONFLICT, message);
  }

  public static AwsException invalidToken(String detail) {
    return new AwsException(INVALID_TOKEN, "Invalid Token: '" + detail + "'");
  }
}
