package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.wire.StateMachineAlias;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks an alias's {@code routingConfiguration}: one or two existing versions of the same
 * state machine, each weight 0..100, weights summing to 100. AWS's exact messages are not
 * documented; the error names are.
 */
final class RoutingConfiguration {
  private static final String MEMBER = "routingConfiguration";
  private final Versions versions;

  RoutingConfiguration(Versions versions) {
    this.versions = versions;
  }

  List<StateMachineAlias.Route> parse(JsonNode node) {
    if (node == null || node.isNull()) {
      throw AwsErrors.missing(MEMBER);
    }
    if (!node.isArray()) {
      throw new AwsException(AwsErrors.SERIALIZATION, "Member '" + MEMBER + "' must be a list");
    }
    if (node.isEmpty()) {
      throw AwsErrors.constraint(MEMBER, "[]", "Member must have length greater than or equal to 1");
    }
    if (node.size() > 2) {
      throw AwsErrors.constraint(MEMBER, node.size() + " items", "Member must have length less than or equal to 2");
    }
    List<StateMachineAlias.Route> routes = new ArrayList<>();
    for (JsonNode item : node) {
      routes.add(route(item));
    }
    checkTogether(routes);
    for (StateMachineAlias.Route r : routes) {
      versions.find(r.stateMachineVersionArn())
          .orElseThrow(() -> AwsErrors.resourceNotFound(r.stateMachineVersionArn()));
    }
    return List.copyOf(routes);
  }

  private static StateMachineAlias.Route route(JsonNode item) {
    JsonNode arn = item.get("stateMachineVersionArn");
    JsonNode weight = item.get("weight");
    if (arn == null || arn.isNull()) {
      throw AwsErrors.missing(MEMBER + ".member.stateMachineVersionArn");
    }
    if (weight == null || weight.isNull()) {
      throw AwsErrors.missing(MEMBER + ".member.weight");
    }
    if (!arn.isTextual() || !weight.canConvertToInt()) {
      throw new AwsException(AwsErrors.SERIALIZATION, "Member '" + MEMBER + "' has a member of the wrong type");
    }
    int w = weight.intValue();
    if (w < 0 || w > 100) {
      throw AwsErrors.constraint(MEMBER + ".member.weight", w, w < 0
          ? "Member must have value greater than or equal to 0" : "Member must have value less than or equal to 100");
    }
    Arns.requireVersion(arn.textValue());
    return new StateMachineAlias.Route(arn.textValue(), w);
  }

  private static void checkTogether(List<StateMachineAlias.Route> routes) {
    int sum = routes.stream().mapToInt(StateMachineAlias.Route::weight).sum();
    if (routes.size() == 2) {
      String first = routes.get(0).stateMachineVersionArn();
      String second = routes.get(1).stateMachineVersionArn();
      if (first.equals(second)) {
        throw AwsErrors.validation("The routing configuration names the version '" + first + "' twice");
      }
      if (!Arns.unqualified(first).equals(Arns.unqualified(second))) {
        throw AwsErrors.validation("The versions in a routing configuration must belong to the same state machine");
      }
    }
    if (sum != 100) {
      throw AwsErrors.validation("The weights in the routing configuration must sum to 100, not " + sum);
    }
  }
}
