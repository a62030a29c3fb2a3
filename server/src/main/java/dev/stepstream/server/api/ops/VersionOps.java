package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.Pages;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.StateMachineAlias;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PublishStateMachineVersion, ListStateMachineVersions, DeleteStateMachineVersion. */
public final class VersionOps {
  static final int MAX_DESCRIPTION = 256;
  private final Backend backend;
  private final Versions versions;

  public VersionOps(Backend backend, Versions versions) {
    this.backend = backend;
    this.versions = versions;
  }

  public void register(Map<String, Operation> ops) {
    ops.put("PublishStateMachineVersion", this::publish);
    ops.put("ListStateMachineVersions", this::list);
    ops.put("DeleteStateMachineVersion", this::delete);
  }

  private JsonNode publish(RequestFields request) {
    String arn = request.requiredText("stateMachineArn");
    Arns.requireStateMachine(arn);
    String description = description(request, "description");
    Optional<String> revision = request.optionalText("revisionId");
    return published(versions.publish(arn, revision, description));
  }

  static ObjectNode published(StateMachineRecord version) {
    ObjectNode out = AwsJson.object();
    out.set("creationDate", AwsJson.timestamp(version.createdAt()));
    out.put("stateMachineVersionArn", version.arn());
    return out;
  }

  static String description(RequestFields request, String member) {
    String description = request.optionalText(member).orElse(null);
    if (description != null) {
      RequestFields.checkLength(member, description, MAX_DESCRIPTION);
    }
    return description;
  }

  private JsonNode list(RequestFields request) {
    String arn = request.requiredText("stateMachineArn");
    Arns.requireStateMachine(arn);
    ObjectNode out = AwsJson.object();
    Pages.page(request, "ListStateMachineVersions|" + arn, versions.of(arn), 100, out, "stateMachineVersions",
        v -> {
          ObjectNode item = AwsJson.object();
          item.put("stateMachineVersionArn", v.arn());
          item.set("creationDate", AwsJson.timestamp(v.createdAt()));
          return item;
        });
    return out;
  }

  /** AWS: deleting an unknown version succeeds; a version an alias routes to cannot be deleted. */
  private JsonNode delete(RequestFields request) {
    String arn = request.requiredText("stateMachineVersionArn");
    Arns.Parsed parsed = Arns.requireVersion(arn);
    if (versions.find(arn).isPresent()) {
      List<String> aliases = backend.definitions().aliasesOf(parsed.unqualified()).stream()
          .filter(a -> a.routing().stream().anyMatch(r -> r.stateMachineVersionArn().equals(arn)))
          .map(StateMachineAlias::arn)
          .sorted()
          .toList();
      if (!aliases.isEmpty()) {
        // AWS's exact message is not documented.
        throw AwsErrors.conflict("Version to be deleted must not be referenced by an alias. Aliases referencing '"
            + arn + "': " + aliases);
      }
      backend.definitions().delete(arn);
    }
    return AwsJson.object();
  }
}
