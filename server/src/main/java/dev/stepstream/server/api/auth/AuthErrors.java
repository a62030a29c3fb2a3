package dev.stepstream.server.api.auth;

import dev.stepstream.server.api.aws.AwsException;

/**
 * The errors AWS answers to requests it cannot authenticate or authorize, with AWS's names and
 * wording. The AWS JSON protocol (Step Functions) answers all of them with HTTP 400.
 */
public final class AuthErrors {
  public static final String MISSING_TOKEN = "MissingAuthenticationTokenException";
  public static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";
  public static final String INVALID_SIGNATURE = "InvalidSignatureException";
  public static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";
  public static final String ACCESS_DENIED = "AccessDeniedException";

  static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you"
      + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

  private AuthErrors() {}

  public static AwsException missingToken() {
    return new AwsException(MISSING_TOKEN, "Request is missing Authentication Token");
  }

  public static AwsException unrecognizedClient() {
    return new AwsException(UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
  }

  public static AwsException signatureMismatch() {
    return new AwsException(INVALID_SIGNATURE, SIGNATURE_MISMATCH);
  }

  public static AwsException invalidSignature(String message) {
    return new AwsException(INVALID_SIGNATURE, message);
  }

  public static AwsException incompleteSignature(String message) {
    return new AwsException(INCOMPLETE_SIGNATURE, message);
  }

  /** AWS's wording when IAM allows no action; the user is named after the access key. */
  public static AwsException accessDenied(String account, String keyId, String operation, String resource) {
    return new AwsException(ACCESS_DENIED, "User: arn:aws:iam::" + account + ":user/" + keyId
        + " is not authorized to perform: states:" + operation + " on resource: " + resource
        + " because no identity-based policy allows the states:" + operation + " action");
  }
}
