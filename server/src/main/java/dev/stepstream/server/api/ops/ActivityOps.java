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
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.WireVersions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Activities live on the definitions topic (kind ACTIVITY); their tasks on {@code tasks.<name>}. */
public final class ActivityOps {
  private final Backend backend;
  private final Duration longPoll;

  /** @param longPoll how long GetActivityTask waits for a task (AWS: 60 s) */
  public ActivityOps(Backend backend, Duration longPoll) {
    this.backend = backend;
    this.longPoll = longPoll;
  }

  public void register(Map<String, Operation> ops) {
    ops.put("CreateActivity", this::create);
    ops.put("DescribeActivity", this::describe);
    ops.put("DeleteActivity", this::delete);
    ops.put("ListActivities", this::list);
    ops.put("GetActivityTask", this::getTask);
  }

  private JsonNode create(RequestFields request) {
    String name = Arns.requireName(request.requiredText("name"));
    Map<String, String> tags = TagOps.parseTags(request.body().get("tags"));
    String arn = backend.arns().activity(name);
    StateMachineRecord activity = backend.definitions().find(arn, StateMachineRecord.KIND_ACTIVITY).orElseGet(() -> {
      backend.provisioner().ensureTaskTopics(List.of(name));
      long now = backend.now();
      StateMachineRecord created = new StateMachineRecord(WireVersions.CURRENT,
          arn, name, StateMachineRecord.KIND_ACTIVITY, null, null, null, null, now, now);
      backend.definitions().put(created);
      if (!tags.isEmpty()) {
        backend.definitions().putTags(arn, tags);
      }
      return created;
    });
    ObjectNode out = AwsJson.object();
    out.put("activityArn", activity.arn());
    out.set("creationDate", AwsJson.timestamp(activity.createdAt()));
    return out;
  }

  private JsonNode describe(RequestFields request) {
    return Shapes.activity(activity(request.requiredText("activityArn")));
  }

  private JsonNode delete(RequestFields request) {
    String arn = request.requiredText("activityArn");
    Arns.require(arn, "activity");
    if (backend.definitions().find(arn, StateMachineRecord.KIND_ACTIVITY).isPresent()) {
      backend.definitions().delete(arn);
    }
    return AwsJson.object();
  }

  private JsonNode list(RequestFields request) {
    ObjectNode out = AwsJson.object();
    Pages.page(request, "ListActivities", backend.definitions().all(StateMachineRecord.KIND_ACTIVITY), 100, out, "activities",
        Shapes::activity);
    return out;
  }

  private JsonNode getTask(RequestFields request) {
    StateMachineRecord activity = activity(request.requiredText("activityArn"));
    String workerName = request.optionalText("workerName").orElse(null);
    if (workerName != null) {
      RequestFields.checkLength("workerName", workerName, 80);
    }
    Optional<TaskRequest> task = backend.activityTasks().next(activity.name(), longPoll);
    ObjectNode out = AwsJson.object();
    task.ifPresent(t -> {
      // The task is now started (AWS: ActivityStarted, with the workerName given here).
      backend.publisher().send(new TaskHeartbeat(WireVersions.CURRENT, t.executionArn(), t.taskToken(), workerName));
      out.put("taskToken", t.taskToken());
      out.put("input", AwsJson.write(t.input()));
    });
    return out;
  }

  private StateMachineRecord activity(String arn) {
    Arns.require(arn, "activity");
    return backend.definitions().find(arn, StateMachineRecord.KIND_ACTIVITY)
        .orElseThrow(() -> AwsErrors.activityDoesNotExist(arn));
  }
}
