package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.AslOptions;
import dev.stepstream.asl.diag.AwsDiagnostic;
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
 * severity, AWS's code, message and AWS's location per diagnostic, location left out where AWS gives
 * none; {@code type} EXPRESS adds the Express rules). {@code severity} is the minimum level returned
 * (default ERROR), as AWS documents it.
 */
public final class ValidateOps {

  public void register(Map<String, Operation> ops) {
    ops.put("ValidateStateMachineDefinition", this::validate);
  }

  private JsonNode validate(RequestFields request) {
    String definition = request.requiredText("definition", StateMachineOps.MAX_DEFINITION_LENGTH);
    String type = request.optionalText("type").orElse("STANDARD");
    if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
      throw AwsErrors.constraint("type", type, "Member must satisfy enum value set: [STANDARD, EXPRESS]");
    }
    String severity = request.optionalText("severity").orElse("ERROR");
    if (!severity.equals("ERROR") && !severity.equals("WARNING")) {
      throw AwsErrors.constraint("severity", severity, "Member must satisfy enum value set: [ERROR, WARNING]");
    }
    int max = request.maxResults(100);
    if (max > 100) {
      // AWS: "The default and maximum value is 100."
      throw AwsErrors.constraint("maxResults", max, "Member must have value less than or equal to 100");
    }
    List<Diagnostic> diagnostics = Asl.compile(definition, AslOptions.defaults().withType(type)).diagnostics();
    return awsResponse(diagnostics, severity.equals("WARNING"), max);
  }

  /** The AWS response: AWS's codes, locations and order. */
  public static ObjectNode awsResponse(List<Diagnostic> all, boolean includeWarnings, int max) {
    ObjectNode out = envelope(all);
    ArrayNode items = out.putArray("diagnostics");
    List<AwsDiagnostic> shown = AwsDiagnostic.inAwsOrder(shown(all, includeWarnings));
    shown.stream().limit(max).forEach(d -> {
      ObjectNode item = items.addObject().put("severity", d.severity()).put("code", d.code()).put("message", d.message());
      d.location().ifPresent(location -> item.put("location", location));
    });
    out.put("truncated", shown.size() > max);
    return out;
  }

  /**
   * The same envelope with Stepstream's own finer codes and JSON-pointer locations, for the CLI's
   * offline {@code validate}.
   */
  public static ObjectNode response(List<Diagnostic> all, boolean includeWarnings, int max) {
    ObjectNode out = envelope(all);
    ArrayNode items = out.putArray("diagnostics");
    List<Diagnostic> shown = shown(all, includeWarnings);
    shown.stream().limit(max).forEach(d -> items.addObject()
        .put("severity", d.severity().name())
        .put("code", d.code())
        .put("message", d.message())
        .put("location", d.location()));
    out.put("truncated", shown.size() > max);
    return out;
  }

  private static List<Diagnostic> shown(List<Diagnostic> all, boolean includeWarnings) {
    return all.stream().filter(d -> includeWarnings || d.severity() == Severity.ERROR).toList();
  }

  private static ObjectNode envelope(List<Diagnostic> all) {
    boolean failed = all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    return AwsJson.object().put("result", failed ? "FAIL" : "OK");
  }
}
