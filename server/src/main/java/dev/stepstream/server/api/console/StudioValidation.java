package dev.stepstream.server.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.AslOptions;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.ErrorTable;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.server.api.ops.StateMachineOps;
import dev.stepstream.server.api.ops.ValidateOps;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * POST /api/validate for the Workflow Studio: the ASL core's diagnostics with Stepstream's codes
 * and JSON-pointer locations (RFC 6901, '' for the root), warnings included, so the editor can mark
 * the state and the field each one names. ValidateStateMachineDefinition keeps AWS's shape and
 * AWS's location notation ({@code /States/C/Choices[0]/Next}), which is not a JSON pointer.
 */
public final class StudioValidation {
  private static final int MAX_DIAGNOSTICS = 1000;

  public void register(RoutesConfig routes) {
    routes.post("/api/validate", this::handle);
  }

  private void handle(Context ctx) {
    try {
      ObjectNode body = validate(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
      ctx.status(200).contentType("application/json").result(AwsJson.bytes(body));
    } catch (RuntimeException e) {
      ErrorTable.ErrorResponse error = ErrorTable.map(e);
      ctx.status(error.status()).contentType("application/json").result(AwsJson.bytes(error.body()));
    }
  }

  /** Body {@code {"definition": "<ASL JSON text>", "type"?: "STANDARD"|"EXPRESS"}}. */
  public ObjectNode validate(String requestBody) {
    JsonNode json = AwsJson.parse(requestBody)
        .filter(JsonNode::isObject)
        .orElseThrow(() -> new AwsException(AwsErrors.SERIALIZATION, "The body must be a JSON object"));
    RequestFields request = new RequestFields(json);
    String definition = request.requiredText("definition", StateMachineOps.MAX_DEFINITION_LENGTH);
    String type = request.optionalText("type").orElse("STANDARD");
    if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
      throw AwsErrors.constraint("type", type, "Member must satisfy enum value set: [STANDARD, EXPRESS]");
    }
    return ValidateOps.response(Asl.compile(definition, AslOptions.defaults().withType(type)).diagnostics(), true, MAX_DIAGNOSTICS);
  }
}
