package dev.stepstream.server.api.aws;

/**
 * An AWS-modelled error: the error name becomes {@code __type} in the response body. Operations
 * throw it; {@link ErrorTable} turns it (and every other exception) into the AWS error shape.
 */
public final class AwsException extends RuntimeException {
  private final String errorName;
  private final int httpStatus;

  public AwsException(String errorName, String message) {
    this(errorName, message, 400);
  }

  public AwsException(String errorName, String message, int httpStatus) {
    super(message, null, false, false);
    this.errorName = errorName;
    this.httpStatus = httpStatus;
  }

  public String errorName() {
    return errorName;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
