package dev.stepstream.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.model.Resource;
import dev.stepstream.asl.model.ResourceKind;
import dev.stepstream.engine.runtime.History;
import dev.stepstream.engine.runtime.Json;

/**
 * The history events of a Task's resource, by resource kind: LambdaFunction* for Lambda function
 * ARNs, Activity* for activities, Task* (with resourceType/resource) for service integrations.
 */
public final class TaskEvents {
  private final Resource resource;
  private final String prefix;
  private final String detailsPrefix;

  public TaskEvents(Resource resource) {
    this.resource = resource;
    if (resource.kind() == ResourceKind.LAMBDA_FUNCTION) {
      prefix = "LambdaFunction";
      detailsPrefix = "lambdaFunction";
    } else if (resource.kind() == ResourceKind.ACTIVITY) {
      prefix = "Activity";
      detailsPrefix = "activity";
    } else {
      prefix = "Task";
      detailsPrefix = "task";
    }
  }

  public boolean serviceIntegration() {
    return "Task".equals(prefix);
  }

  public String type(String what) {
    return prefix + what;
  }

  public String detailsName(String what) {
    return detailsPrefix + what + "EventDetails";
  }

  /** The details of the Scheduled event; {@code timeout}/{@code heartbeat} 0 when not set. */
  public ObjectNode scheduled(JsonNode input, String region, long timeout, long heartbeat) {
    ObjectNode d = Json.NODES.objectNode();
    if (serviceIntegration()) {
      putResource(d);
      d.put("region", region);
      d.put("parameters", Json.write(input));
    } else {
      d.put("resource", resource.arn());
      History.putPayload(d, "input", input);
    }
    if (timeout > 0) {
      d.put("timeoutInSeconds", timeout);
    }
    if (heartbeat > 0 && resource.kind() != ResourceKind.LAMBDA_FUNCTION) {
      d.put("heartbeatInSeconds", heartbeat);
    }
    return d;
  }

  /** Details of the Started event (Lambda: none; activity: workerName unknown here). */
  public ObjectNode started() {
    if (serviceIntegration()) {
      ObjectNode d = Json.NODES.objectNode();
      putResource(d);
      return d;
    }
    return null;
  }

  public ObjectNode succeeded(JsonNode output) {
    ObjectNode d = Json.NODES.objectNode();
    if (serviceIntegration()) {
      putResource(d);
    }
    History.putPayload(d, "output", output);
    return d;
  }

  public ObjectNode failed(String error, String cause) {
    ObjectNode d = Json.NODES.objectNode();
    if (serviceIntegration()) {
      putResource(d);
    }
    if (error != null) {
      d.put("error", error);
    }
    if (cause != null) {
      d.put("cause", cause);
    }
    return d;
  }

  /**
   * AWS names a service integration by service ({@code resourceType}) and API with its pattern
   * suffix ({@code resource}): {@code arn:aws:states:::states:startExecution.sync:2} is
   * {@code states} / {@code startExecution.sync:2}.
   */
  private void putResource(ObjectNode d) {
    d.put("resourceType", resource.service());
    d.put("resource", apiWithSuffix(resource));
  }

  /** The API and pattern suffix of a service integration ARN ({@code invoke.waitForTaskToken}). */
  public static String apiWithSuffix(Resource resource) {
    String[] parts = resource.arn().split(":", 6);
    String servicePrefix = resource.service() + ":";
    if (parts.length == 6 && parts[5].startsWith(servicePrefix)) {
      return parts[5].substring(servicePrefix.length());
    }
    return resource.api().orElse(resource.shortName());
  }
}
