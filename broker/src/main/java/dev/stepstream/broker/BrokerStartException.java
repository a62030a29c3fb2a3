package dev.stepstream.broker;

/** The embedded broker could not start; the message says why in terms a user can act on. */
public final class BrokerStartException extends RuntimeException {
  public BrokerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
