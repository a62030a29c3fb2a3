package dev.stepstream.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.runtime.Json;
import java.util.function.Supplier;

/**
 * A worker's failure of a Lambda task as AWS records a function error (LocalStack's AWS-validated
 * snapshots error_handling/test_task_lambda and test_task_service_lambda): the error is the
 * function's errorType; the cause is the function's error document
 * {@code {"errorMessage","errorType","requestId","stackTrace"}}. For a {@code ...:function:}
 * resource AWS keeps the text the function wrote; for {@code lambda:invoke} it is re-written compact.
 *
 * <p>A worker sends its error type as {@code error} and either its message as {@code cause}, or a
 * whole error document as {@code cause}; the engine builds the rest. Errors named {@code Lambda.*}
 * or {@code States.*} are service errors, kept as sent.
 */
public final class LambdaErrors {
  public static final String RESOURCE_NOT_FOUND = "Lambda.ResourceNotFoundException";

  private LambdaErrors() {}

  /** The cause AWS records for this failure; {@code error} is kept as the error name. */
  public static String cause(String error, String cause, boolean invoke, String requestId,
      Supplier<String> functionArn) {
    if (error == null) {
      return cause;
    }
    if (error.startsWith("Lambda.") || error.startsWith("States.")) {
      return RESOURCE_NOT_FOUND.equals(error) && (cause == null || cause.isEmpty())
          ? functionNotFound(functionArn.get(), requestId) : cause;
    }
    ObjectNode document = errorDocument(cause);
    if (document != null) {
      return invoke ? Json.write(document) : cause;
    }
    ObjectNode built = Json.NODES.objectNode();
    built.put("errorMessage", cause == null ? "" : cause);
    built.put("errorType", error);
    built.put("requestId", requestId);
    built.putArray("stackTrace");
    return Json.write(built);
  }

  /**
   * AWS's cause for a function that does not exist (recorded for lambda:invoke):
   * {@code Function not found: arn:...:function:name:$LATEST (Service: AWSLambda; Status Code: 404;
   * Error Code: ResourceNotFoundException; Request ID: <id>; Proxy: null)}.
   */
  public static String functionNotFound(String functionArn, String requestId) {
    int name = functionArn.indexOf(":function:") + ":function:".length();
    String qualified = functionArn.indexOf(':', name) >= 0 ? functionArn : functionArn + ":$LATEST";
    return "Function not found: " + qualified + " (Service: AWSLambda; Status Code: 404; Error Code: "
        + "ResourceNotFoundException; Request ID: " + requestId + "; Proxy: null)";
  }

  /** The full function ARN of a FunctionName (plain name, partial or full ARN), in the execution's region/account. */
  public static String functionArn(String functionName, String executionArn) {
    if (functionName.startsWith("arn:")) {
      return functionName;
    }
    String[] parts = executionArn.split(":", 6);
    String partition = parts.length > 1 ? parts[1] : "aws";
    String region = parts.length > 3 ? parts[3] : "";
    String account = parts.length > 4 ? parts[4] : "";
    if (functionName.contains(":function:")) {
      return "arn:" + partition + ":lambda:" + region + ":" + functionName;
    }
    return "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + functionName;
  }

  /** The cause as a Lambda error document, or null when it is not one. */
  private static ObjectNode errorDocument(String cause) {
    if (cause == null || !cause.stripLeading().startsWith("{")) {
      return null;
    }
    try {
      JsonNode parsed = Json.read(cause);
      return parsed instanceof ObjectNode o && (o.has("errorMessage") || o.has("errorType")) ? o : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
