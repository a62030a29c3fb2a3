package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.wire.StateMachineRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** TagResource, UntagResource, ListTagsForResource for state machines and activities. */
public final class TagOps {
  private static final int MAX_TAGS = 50;
  private final Backend backend;

  public TagOps(Backend backend) {
    this.backend = backend;
  }

  public void register(Map<String, Operation> ops) {
    ops.put("TagResource", this::tag);
    ops.put("UntagResource", this::untag);
    ops.put("ListTagsForResource", this::list);
  }

  private JsonNode tag(RequestFields request) {
    String arn = resource(request.requiredText("resourceArn"));
    JsonNode tags = request.body().get("tags");
    if (tags == null || tags.isNull()) {
      throw AwsErrors.missing("tags");
    }
    Map<String, String> merged = new LinkedHashMap<>(backend.definitions().tags(arn));
    merged.putAll(parseTags(tags));
    if (merged.size() > MAX_TAGS) {
      throw new AwsException(AwsErrors.TOO_MANY_TAGS, "Too many tags: at most " + MAX_TAGS + " per resource");
    }
    backend.definitions().putTags(arn, merged);
    return AwsJson.object();
  }

  private JsonNode untag(RequestFields request) {
    String arn = resource(request.requiredText("resourceArn"));
    JsonNode keys = request.body().get("tagKeys");
    if (keys == null || !keys.isArray()) {
      throw AwsErrors.missing("tagKeys");
    }
    Map<String, String> remaining = new LinkedHashMap<>(backend.definitions().tags(arn));
    keys.forEach(k -> remaining.remove(k.asText()));
    backend.definitions().putTags(arn, remaining);
    return AwsJson.object();
  }

  private JsonNode list(RequestFields request) {
    String arn = resource(request.requiredText("resourceArn"));
    ObjectNode out = AwsJson.object();
    ArrayNode tags = out.putArray("tags");
    backend.definitions().tags(arn).forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
    return out;
  }

  /** Tags as AWS sends them: {@code [{"key": ..., "value": ...}]}. */
  static Map<String, String> parseTags(JsonNode tags) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags == null || tags.isNull()) {
      return out;
    }
    if (!tags.isArray()) {
      throw new AwsException(AwsErrors.SERIALIZATION, "Member 'tags' must be a list");
    }
    for (JsonNode tag : tags) {
      String key = tag.path("key").asText("");
      if (key.isEmpty() || key.length() > 128) {
        throw AwsErrors.constraint("tags.member.key", key, "Member must have length between 1 and 128");
      }
      out.put(key, tag.path("value").asText(""));
    }
    if (out.size() > MAX_TAGS) {
      throw new AwsException(AwsErrors.TOO_MANY_TAGS, "Too many tags: at most " + MAX_TAGS + " per resource");
    }
    return out;
  }

  private String resource(String arn) {
    Arns.Parsed parsed = Arns.parse(arn).orElseThrow(() -> AwsErrors.invalidArn(arn));
    String kind = switch (parsed.kind()) {
      case "stateMachine" -> StateMachineRecord.KIND_STATE_MACHINE;
      case "activity" -> StateMachineRecord.KIND_ACTIVITY;
      default -> throw AwsErrors.invalidArn(arn);
    };
    if (backend.definitions().find(arn, kind).isEmpty()) {
      throw new AwsException(AwsErrors.RESOURCE_NOT_FOUND, "Resource not found: '" + arn + "'");
    }
    return arn;
  }
}
