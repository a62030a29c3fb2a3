package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.diag.Diagnostic;
import dev.stepstream.asl.diag.Severity;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.RequestFields;
import java.util.List;
import java.util.Map;

/**
 * ValidateStateMachineDefinition: the ASL core's diagnostics in AWS's shape (result OK/FAIL;
 * severity, code, message and a JSON-pointer location per diagnostic). {@code severity} is the
 * minimum level returned (default ERROR), as AWS documents it.
 */
public final class ValidateOps {

  public void register(Map<String, Operation> ops) {
    ops.put("ValidateStateMachineDefinition", this::validate);
  }

  private JsonNode validate(RequestFields request) {
    String definition = request.requiredText("definition", StateMachineOps.MAX_DEFINITION_LENGTH);
    request.optionalText("type").filter(t -> !t.equals("STANDARD") && !t.equals("EXPRESS")).ifPresent(t -> {
      throw AwsErrors.constraint("type", t, "Member must satisfy enum value set: [STANDARD, EXPRESS]");
    });
    String severity = request.optionalText("severity").orElse("ERROR");
    if (!severity.equals("ERROR") && !severity.equals("WARNING")) {
      throw AwsErrors.constraint("severity", severity, "Member must satisfy enum value set: [ERROR, WARNING]");
    }
    int max = request.maxResults(100);
    return response(Asl.compile(definition).diagnostics(), severity.equals("WARNING"), max);
  }

  /** The AWS response for a list of diagnostics; shared with the CLI's offline {@code validate}. */
  public static ObjectNode response(List<Diagnostic> all, boolean includeWarnings, int max) {
    List<Diagnostic> shown = all.stream()
        .filter(d -> includeWarnings || d.severity() == Severity.ERROR)
        .toList();
    boolean failed = all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    ObjectNode out = AwsJson.object();
    out.put("result", failed ? "FAIL" : "OK");
    ArrayNode items = out.putArray("diagnostics");
    shown.stream().limit(max).forEach(d -> items.addObject()
        .put("severity", d.severity().name())
        .put("code", d.code())
        .put("message", d.message())
        .put("location", d.location()));
    out.put("truncated", shown.size() > max);
    return out;
  }
}
