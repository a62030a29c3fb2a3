package dev.stepstream.server.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.ErrorTable;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * How every REST route under {@code /api/} answers: the handler's JSON with 200, or the AWS error
 * body it threw, with 404 for the "does not exist" errors.
 */
public final class RestAnswers {
  private RestAnswers() {}

  public static void answer(Context ctx, Function<Context, JsonNode> handler) {
    try {
      JsonNode result = handler.apply(ctx);
      ctx.status(200).contentType("application/json").result(AwsJson.bytes(result));
    } catch (RuntimeException e) {
      ErrorTable.ErrorResponse error = ErrorTable.map(e);
      int status = error.errorName().endsWith("DoesNotExist") ? 404 : error.status();
      ctx.status(status).contentType("application/json").result(AwsJson.bytes(error.body()));
    }
  }

  /** The request body as a JSON object, or a {@code SerializationException}. */
  public static JsonNode objectBody(Context ctx) {
    String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    return AwsJson.parse(text).filter(JsonNode::isObject)
        .orElseThrow(() -> new AwsException("SerializationException", "The body is not a JSON object"));
  }
}
