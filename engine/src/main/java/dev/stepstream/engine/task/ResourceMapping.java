package dev.stepstream.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.model.IntegrationPattern;
import dev.stepstream.asl.model.Resource;
import dev.stepstream.asl.model.ResourceKind;
import java.util.Set;

/**
 * Maps a Task Resource and its effective parameters to the worker topic name ({@code tasks.<taskName>}),
 * the request input, and how the worker's output becomes the state's result.
 */
public final class ResourceMapping {
  private static final String LAMBDA_INVOKE = "lambda:invoke";
  /**
   * Service integrations that Stepstream runs itself (the integration runner consumes their task
   * topics); their task names start with {@value #BUILT_IN_PREFIX}, which no worker should use.
   */
  public static final Set<String> BUILT_IN =
      Set.of("kafka:publish", "sns:publish", "sqs:sendMessage", "events:putEvents", "http:invoke",
          NestedExecutions.START_EXECUTION);
  /** Prefix of the task names of {@link #BUILT_IN} integrations: {@code __sns.publish}. */
  public static final String BUILT_IN_PREFIX = "__";

  private ResourceMapping() {}

  /**
   * @param taskName the worker name: function or activity name, or {@code service.api}
   *     ({@code __service.api} for a {@link #BUILT_IN} integration)
   * @param input what the worker receives
   * @param wrapLambdaResult true for {@code lambda:invoke} request-response, whose result AWS wraps
   */
  public record Target(String taskName, JsonNode input, boolean wrapLambdaResult) {}

  public static Target target(Resource resource, JsonNode parameters) {
    if (resource.kind() == ResourceKind.SERVICE_INTEGRATION) {
      if (LAMBDA_INVOKE.equals(resource.shortName())) {
        JsonNode payload = parameters.get("Payload");
        return new Target(functionName(parameters.path("FunctionName").asText("")),
            payload == null ? JsonNodeFactory.instance.objectNode() : payload,
            resource.pattern() == IntegrationPattern.REQUEST_RESPONSE);
      }
      String taskName = resource.shortName().replace(':', '.');
      return new Target(BUILT_IN.contains(resource.shortName()) ? BUILT_IN_PREFIX + taskName : taskName,
          parameters, false);
    }
    return new Target(resource.shortName(), parameters, false);
  }

  /** The function name of a FunctionName argument: a plain name, a partial or a full ARN (qualifier dropped). */
  public static String functionName(String functionName) {
    int at = functionName.lastIndexOf(":function:");
    String name = at >= 0 ? functionName.substring(at + ":function:".length()) : functionName;
    int colon = name.indexOf(':');
    name = colon >= 0 ? name.substring(0, colon) : name;
    return name.isEmpty() ? "lambda.invoke" : name;
  }
}
