package dev.stepstream.server.api.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpResponseException;
import java.util.Objects;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from exceptions to AWS error responses. Nothing leaves the API as a stack trace:
 * an unexpected exception is logged and answered as AWS's {@code InternalFailure} (HTTP 500).
 */
public final class ErrorTable {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorTable.class);

  /** The status code and the body {@code {"__type": ..., "message": ...}} of one error. */
  public record ErrorResponse(int status, String errorName, String message) {
    public ObjectNode body() {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("__type", errorName);
      body.put("message", message);
      return body;
    }
  }

  private ErrorTable() {}

  public static ErrorResponse map(Throwable error) {
    if (error instanceof AwsException aws) {
      return new ErrorResponse(aws.httpStatus(), aws.errorName(), aws.getMessage());
    }
    if (error instanceof JsonProcessingException json) {
      // What AWS answers for a body that is not JSON (or a member of the wrong JSON type).
      return new ErrorResponse(400, AwsErrors.SERIALIZATION, "Unable to parse the request body: " + json.getOriginalMessage());
    }
    if (error instanceof HttpResponseException http && http.getStatus() == 413) {
      // AWS's exact answer to an oversized body could not be confirmed; 413 in the AWS error shape.
      return new ErrorResponse(413, AwsErrors.VALIDATION, "The request body is larger than the server accepts");
    }
    if (error instanceof HttpException http) {
      // Jetty gave up on the request itself: a body that stopped arriving, or one that is malformed.
      return http.getCode() == 408
          ? new ErrorResponse(408, "RequestTimeoutException", "The request body did not arrive in time")
          : new ErrorResponse(400, AwsErrors.SERIALIZATION, "The request could not be read: " + Objects.toString(http.getReason(), "bad request"));
    }
    if (kafkaTimedOut(error)) {
      LOG.warn("Kafka did not answer in time: {}", error.toString());
      return new ErrorResponse(503, AwsErrors.SERVICE_UNAVAILABLE, "Kafka is not reachable now; retry the request");
    }
    LOG.error("Unexpected error in the API", error);
    return new ErrorResponse(500, AwsErrors.INTERNAL_FAILURE, "Internal error: " + error.getClass().getSimpleName());
  }

  /** A Kafka client gave up waiting for the cluster (somewhere in the cause chain). */
  private static boolean kafkaTimedOut(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof org.apache.kafka.common.errors.TimeoutException
          || e instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
