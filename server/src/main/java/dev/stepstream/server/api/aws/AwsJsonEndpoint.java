package dev.stepstream.server.api.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * {@code POST /} in the AWS JSON 1.0 protocol: the operation is named by
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>}; request and response bodies are JSON; errors
 * are {@code {"__type", "message"}}. Signatures (SigV4) are checked before this handler when
 * authentication is on ({@code ApiAuth}), and ignored otherwise; the Host
 * (including the {@code sync-} prefix SDKs add for StartSyncExecution and TestState) is ignored.
 */
public final class AwsJsonEndpoint {
  public static final String TARGET_PREFIX = "AWSStepFunctions.";
  private final Map<String, Operation> operations;
  private final BiConsumer<String, String> outcomes;
  private final Semaphore inFlight;

  /** @param outcomes told (operation or target, "OK" or the AWS error name) after each call */
  public AwsJsonEndpoint(Map<String, Operation> operations, BiConsumer<String, String> outcomes) {
    this(operations, outcomes, Integer.MAX_VALUE);
  }

  /**
   * @param maxInFlight requests in progress at most (waiting ones included); one more is answered with
   *     ThrottlingException at once instead of holding a thread and its body
   */
  public AwsJsonEndpoint(Map<String, Operation> operations, BiConsumer<String, String> outcomes, int maxInFlight) {
    this.operations = Map.copyOf(operations);
    this.outcomes = outcomes;
    this.inFlight = new Semaphore(maxInFlight);
  }

  /**
   * Answers at once when the operation is done (or failed) on this thread; otherwise hands Javalin a
   * future, so no request thread waits, and answers when the operation completes.
   */
  public void handle(Context ctx) {
    String target = ctx.header("X-Amz-Target");
    String operation = target != null && target.startsWith(TARGET_PREFIX) && operations.containsKey(
        target.substring(TARGET_PREFIX.length())) ? target.substring(TARGET_PREFIX.length()) : "unknown";
    if (!inFlight.tryAcquire()) {
      outcomes.accept(operation, respondError(ctx, AwsErrors.throttled()));
      return;
    }
    CompletableFuture<JsonNode> response;
    try {
      response = dispatch(target, HttpBodies.read(ctx));
    } catch (Exception e) {
      inFlight.release();
      outcomes.accept(operation, respondError(ctx, e));
      return;
    }
    if (response.isDone()) {
      inFlight.release();
      respond(ctx, operation, response);
    } else {
      response.whenComplete((body, error) -> inFlight.release());
      ctx.future(() -> response.handle((body, error) -> {
        respond(ctx, operation, response);
        return null;
      }));
    }
  }

  private void respond(Context ctx, String operation, CompletableFuture<JsonNode> done) {
    JsonNode body;
    try {
      body = done.join();
    } catch (CompletionException | CancellationException e) {
      outcomes.accept(operation, respondError(ctx, Operation.cause(e)));
      return;
    }
    outcomes.accept(operation, "OK");
    HttpBodies.write(ctx, 200, AwsJson.CONTENT_TYPE, AwsJson.bytes(body));
  }

  /** Runs one operation directly (for the REST routes); throws what the operation throws. */
  public JsonNode invoke(String operation, JsonNode body) {
    Operation op = operations.get(operation);
    if (op == null) {
      throw new AwsException(AwsErrors.UNKNOWN_OPERATION, "Unknown operation: " + operation);
    }
    return op.handle(new RequestFields(body));
  }

  CompletableFuture<JsonNode> dispatch(String target, byte[] body) throws IOException {
    Operation op = target == null || !target.startsWith(TARGET_PREFIX)
        ? null : operations.get(target.substring(TARGET_PREFIX.length()));
    if (op == null) {
      throw new AwsException(AwsErrors.UNKNOWN_OPERATION, "Unknown operation: " + (target == null ? "(no X-Amz-Target)" : target));
    }
    JsonNode request = body.length == 0 ? AwsJson.object() : AwsJson.mapper().readTree(body);
    if (request == null || !request.isObject()) {
      throw new AwsException(AwsErrors.SERIALIZATION, "The request body must be a JSON object");
    }
    return op.handleAsync(new RequestFields(request));
  }

  /** Answers with the AWS error shape; returns the error name. */
  public static String respondError(Context ctx, Throwable e) {
    ErrorTable.ErrorResponse error = ErrorTable.map(e);
    ctx.status(error.status()).contentType(AwsJson.CONTENT_TYPE)
        .header("x-amzn-ErrorType", error.errorName())
        .result(AwsJson.bytes(error.body()));
    return error.errorName();
  }
}
