package dev.stepstream.processor.integrations;

/** A call that cannot be made (bad parameter, unknown or forbidden target), with AWS-style names. */
public final class IntegrationFailure extends RuntimeException {
  private final String error;

  public IntegrationFailure(String error, String cause) {
    super(cause);
    this.error = error;
  }

  public String error() {
    return error;
  }

  public Outcome.Failed outcome() {
    return new Outcome.Failed(error, getMessage());
  }
}
