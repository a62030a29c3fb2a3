package dev.stepstream.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.runtime.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

/**
 * AWS's shape of a {@code lambda:invoke} response, built around a worker's output. Ids and dates
 * that are random on AWS are derived from the task token and the engine's clock, so a replay builds
 * the same bytes. Shape: LocalStack's AWS-validated snapshot services/test_lambda_task_service
 * (test_invoke, and LogType Tail).
 */
public final class LambdaResults {
  private static final String LATEST = "$LATEST";
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private LambdaResults() {}

  /** The invocation's request id: a name-based UUID of the task token (AWS's is random). */
  public static String requestId(String taskToken) {
    return UUID.nameUUIDFromBytes(taskToken.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * {@code {ExecutedVersion, [LogResult,] Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode}}.
   *
   * @param parameters the task's effective parameters (FunctionName, Qualifier, LogType ...)
   */
  public static ObjectNode invokeResult(JsonNode payload, JsonNode parameters, String requestId, long nowMillis) {
    String version = executedVersion(parameters);
    boolean tail = "Tail".equals(parameters.path("LogType").asText(null));
    String logResult = tail ? logTail(requestId, version) : null;
    String contentLength = Integer.toString(Json.write(payload).getBytes(StandardCharsets.UTF_8).length);
    String date = HTTP_DATE.format(Instant.ofEpochMilli(nowMillis));
    String traceHex = UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    String traceId = "Root=1-" + Long.toHexString(nowMillis / 1000) + "-" + traceHex.substring(0, 24) + ";Sampled=0";

    ObjectNode result = Json.NODES.objectNode();
    result.put("ExecutedVersion", version);
    if (logResult != null) {
      result.put("LogResult", logResult);
    }
    result.set("Payload", payload);
    ObjectNode http = result.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    if (logResult != null) {
      all.putArray("X-Amz-Log-Result").add(logResult);
    }
    all.putArray("X-Amz-Executed-Version").add(version);
    all.putArray("x-amzn-Remapped-Content-Length").add("0");
    all.putArray("Connection").add("keep-alive");
    all.putArray("x-amzn-RequestId").add(requestId);
    all.putArray("Content-Length").add(contentLength);
    all.putArray("Date").add(date);
    all.putArray("X-Amzn-Trace-Id").add(traceId);
    all.putArray("Content-Type").add("application/json");
    ObjectNode headers = http.putObject("HttpHeaders");
    headers.put("Connection", "keep-alive");
    headers.put("Content-Length", contentLength);
    headers.put("Content-Type", "application/json");
    headers.put("Date", date);
    headers.put("X-Amz-Executed-Version", version);
    if (logResult != null) {
      headers.put("X-Amz-Log-Result", logResult);
    }
    headers.put("x-amzn-Remapped-Content-Length", "0");
    headers.put("x-amzn-RequestId", requestId);
    headers.put("X-Amzn-Trace-Id", traceId);
    http.put("HttpStatusCode", 200);
    result.putObject("SdkResponseMetadata").put("RequestId", requestId);
    result.put("StatusCode", 200);
    return result;
  }

  /** A numeric Qualifier (or {@code name:7}) is the version run; anything else reports $LATEST. */
  static String executedVersion(JsonNode parameters) {
    String qualifier = parameters.path("Qualifier").asText("");
    if (qualifier.isEmpty()) {
      String name = parameters.path("FunctionName").asText("");
      int function = name.lastIndexOf(":function:");
      String tail = function >= 0 ? name.substring(function + ":function:".length()) : name;
      int colon = tail.indexOf(':');
      qualifier = colon >= 0 ? tail.substring(colon + 1) : "";
    }
    return !qualifier.isEmpty() && qualifier.chars().allMatch(Character::isDigit) ? qualifier : LATEST;
  }

  /** The last lines of the log as Lambda writes them, base64-encoded (the worker's own log is not seen). */
  private static String logTail(String requestId, String version) {
    String log = "START RequestId: " + requestId + " Version: " + version + "\n"
        + "END RequestId: " + requestId + "\n"
        + "REPORT RequestId: " + requestId + "\tDuration: 0.00 ms\tBilled Duration: 1 ms\n";
    return Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8));
  }
}
