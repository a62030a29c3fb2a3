package dev.stepstream.asl.validate;

/**
 * The diagnostic codes produced while compiling a definition: finer than AWS's; {@link
 * dev.stepstream.asl.diag.AwsDiagnostic} maps each to the code AWS reports.
 */
public final class DiagnosticCodes {
  public static final String INVALID_JSON = "INVALID_JSON";
  public static final String NOT_AN_OBJECT = "NOT_AN_OBJECT";
  public static final String NOT_ALLOWED_IN_EXPRESS = "NOT_ALLOWED_IN_EXPRESS";
  public static final String DEFINITION_TOO_LARGE = "DEFINITION_TOO_LARGE";
  public static final String MISSING_REQUIRED_FIELD = "MISSING_REQUIRED_FIELD";
  public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
  public static final String FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE = "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE";
  public static final String FIELD_REQUIRES_DISTRIBUTED_MAP = "FIELD_REQUIRES_DISTRIBUTED_MAP";
  public static final String CONFLICTING_FIELDS = "CONFLICTING_FIELDS";
  public static final String INVALID_TYPE = "INVALID_TYPE";
  public static final String INVALID_VALUE = "INVALID_VALUE";
  public static final String INVALID_ARN = "INVALID_ARN";
  public static final String MISSING_TRANSITION = "MISSING_TRANSITION";
  public static final String MISSING_TRANSITION_TARGET = "MISSING_TRANSITION_TARGET";
  public static final String UNREACHABLE_STATE = "UNREACHABLE_STATE";
  public static final String NO_TERMINAL = "NO_TERMINAL";
  public static final String DUPLICATE_STATE_NAME = "DUPLICATE_STATE_NAME";
  public static final String STATE_NAME_TOO_LONG = "STATE_NAME_TOO_LONG";
  public static final String INVALID_JSON_PATH = "INVALID_JSON_PATH";
  public static final String INVALID_INTRINSIC = "INVALID_INTRINSIC";
  public static final String INVALID_JSONATA = "INVALID_JSONATA";
  public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

  private DiagnosticCodes() {}
}
