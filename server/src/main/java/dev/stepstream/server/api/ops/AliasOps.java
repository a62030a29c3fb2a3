package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.Pages;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.StateMachineAlias;
import dev.stepstream.wire.WireVersions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Create/Describe/Update/Delete/List state machine aliases. */
public final class AliasOps {
  static final int MAX_ALIASES = 100;
  private final Backend backend;
  private final RoutingConfiguration routing;

  public AliasOps(Backend backend, Versions versions) {
    this.backend = backend;
    this.routing = new RoutingConfiguration(versions);
  }

  public void register(Map<String, Operation> ops) {
    ops.put("CreateStateMachineAlias", this::create);
    ops.put("DescribeStateMachineAlias", this::describe);
    ops.put("UpdateStateMachineAlias", this::update);
    ops.put("DeleteStateMachineAlias", this::delete);
    ops.put("ListStateMachineAliases", this::list);
  }

  private JsonNode create(RequestFields request) {
    String name = request.requiredText("name");
    if (!Arns.validAliasName(name)) {
      throw AwsErrors.invalidName(name);
    }
    String description = VersionOps.description(request, "description");
    List<StateMachineAlias.Route> routes = routing.parse(request.body().get("routingConfiguration"));
    String machineArn = Arns.unqualified(routes.get(0).stateMachineVersionArn());
    String arn = Arns.alias(machineArn, name);
    Optional<StateMachineAlias> existing = backend.definitions().alias(arn);
    if (existing.isPresent()) {
      StateMachineAlias a = existing.get();
      if (Objects.equals(a.description(), description) && a.routing().equals(routes)) {
        return created(a);
      }
      // AWS's exact message is not documented.
      throw AwsErrors.conflict("Alias '" + arn + "' already exists with a different configuration");
    }
    if (backend.definitions().aliasesOf(machineArn).size() >= MAX_ALIASES) {
      throw new AwsException(AwsErrors.SERVICE_QUOTA_EXCEEDED,
          "The maximum number of aliases (" + MAX_ALIASES + ") for '" + machineArn + "' has been reached");
    }
    long now = backend.now();
    StateMachineAlias alias = new StateMachineAlias(WireVersions.CURRENT,
        arn, name, machineArn, description, routes, now, now);
    backend.definitions().put(alias);
    return created(alias);
  }

  private static ObjectNode created(StateMachineAlias alias) {
    ObjectNode out = AwsJson.object();
    out.put("stateMachineAliasArn", alias.arn());
    out.set("creationDate", AwsJson.timestamp(alias.createdAt()));
    return out;
  }

  private JsonNode describe(RequestFields request) {
    StateMachineAlias a = alias(request.requiredText("stateMachineAliasArn"));
    ObjectNode out = AwsJson.object();
    out.put("stateMachineAliasArn", a.arn());
    out.put("name", a.name());
    if (a.description() != null) {
      out.put("description", a.description());
    }
    out.set("routingConfiguration", routingJson(a.routing()));
    out.set("creationDate", AwsJson.timestamp(a.createdAt()));
    out.set("updateDate", AwsJson.timestamp(a.updatedAt()));
    return out;
  }

  private static ArrayNode routingJson(List<StateMachineAlias.Route> routes) {
    ArrayNode out = AwsJson.mapper().createArrayNode();
    routes.forEach(r -> out.addObject().put("stateMachineVersionArn", r.stateMachineVersionArn())
        .put("weight", r.weight()));
    return out;
  }

  private JsonNode update(RequestFields request) {
    StateMachineAlias a = alias(request.requiredText("stateMachineAliasArn"));
    JsonNode routingNode = request.body().get("routingConfiguration");
    boolean hasRouting = routingNode != null && !routingNode.isNull();
    if (!request.body().hasNonNull("description") && !hasRouting) {
      throw AwsErrors.validation("Either the description or the routingConfiguration must be specified");
    }
    String description = request.body().hasNonNull("description")
        ? VersionOps.description(request, "description") : a.description();
    List<StateMachineAlias.Route> routes = hasRouting ? routing.parse(routingNode) : a.routing();
    if (!Arns.unqualified(routes.get(0).stateMachineVersionArn()).equals(a.stateMachineArn())) {
      throw AwsErrors.validation("The routing configuration must name versions of '" + a.stateMachineArn() + "'");
    }
    long now = backend.now();
    backend.definitions().put(new StateMachineAlias(WireVersions.CURRENT,
        a.arn(), a.name(), a.stateMachineArn(), description, routes,
        a.createdAt(), now));
    ObjectNode out = AwsJson.object();
    out.set("updateDate", AwsJson.timestamp(now));
    return out;
  }

  private JsonNode delete(RequestFields request) {
    StateMachineAlias a = alias(request.requiredText("stateMachineAliasArn"));
    backend.definitions().delete(a.arn());
    return AwsJson.object();
  }

  /**
   * The aliases of a state machine, or (given a version ARN) the aliases that route to that version.
   * Listed newest first (AWS does not document an order).
   */
  private JsonNode list(RequestFields request) {
    String arn = request.requiredText("stateMachineArn");
    Arns.Parsed parsed = Arns.parse(arn).filter(p -> p.kind().equals("stateMachine") && !p.isAlias())
        .orElseThrow(() -> AwsErrors.invalidArn(arn));
    List<StateMachineAlias> aliases;
    if (parsed.isVersion()) {
      backend.definitions().find(arn, StateMachineRecord.KIND_STATE_MACHINE)
          .orElseThrow(() -> AwsErrors.resourceNotFound(arn));
      aliases = backend.definitions().aliasesOf(parsed.unqualified()).stream()
          .filter(a -> a.routing().stream().anyMatch(r -> r.stateMachineVersionArn().equals(arn)))
          .toList();
    } else {
      backend.definitions().find(arn, StateMachineRecord.KIND_STATE_MACHINE)
          .orElseThrow(() -> AwsErrors.stateMachineDoesNotExist(arn));
      aliases = backend.definitions().aliasesOf(arn);
    }
    List<StateMachineAlias> sorted = aliases.stream()
        .sorted(Comparator.comparingLong(StateMachineAlias::createdAt).reversed().thenComparing(StateMachineAlias::name))
        .toList();
    ObjectNode out = AwsJson.object();
    Pages.page(request, "ListStateMachineAliases|" + arn, sorted, 100, out, "stateMachineAliases", a -> {
      ObjectNode item = AwsJson.object();
      item.put("stateMachineAliasArn", a.arn());
      item.set("creationDate", AwsJson.timestamp(a.createdAt()));
      return item;
    });
    return out;
  }

  private StateMachineAlias alias(String arn) {
    Arns.requireAlias(arn);
    return backend.definitions().alias(arn).orElseThrow(() -> AwsErrors.resourceNotFound(arn));
  }
}
