package dev.stepstream.server.api.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.TopicCatalogue;
import java.util.Set;

/**
 * {@code GET /api/executions/<ARN>/waiting}: the worker tasks a running execution waits on, each
 * with its topic and the consumer groups reading that topic now, so that {@code start --wait} can
 * say when nobody will ever answer.
 */
final class WaitingTasksQuery {
  private final Backend backend;
  private final TopicCatalogue topics;
  private final TaskReaders readers;

  WaitingTasksQuery(Backend backend, TopicCatalogue topics, TaskReaders readers) {
    this.backend = backend;
    this.topics = topics;
    this.readers = readers;
  }

  ObjectNode of(String executionArn) {
    Arns.requireExecution(executionArn);
    ExecutionSummary execution = backend.executions().find(executionArn)
        .orElseThrow(() -> AwsErrors.executionDoesNotExist(executionArn));
    ObjectNode out = AwsJson.object();
    out.put("status", execution.status().name());
    ArrayNode tasks = out.putArray("tasks");
    if (execution.status() != ExecutionStatus.RUNNING) {
      return out;
    }
    for (OpenTasks.OpenTask task : OpenTasks.of(ExecutionLogsQuery.history(backend, executionArn))) {
      String topic = topics.taskTopic(task.taskName());
      ObjectNode item = tasks.addObject();
      item.put("scheduledEventId", task.scheduledEventId());
      item.put("taskName", task.taskName());
      item.put("topic", topic);
      Set<String> groups = readers.groupsReading(topic);
      if (groups == null) {
        item.putNull("readers");
      } else {
        groups.forEach(item.putArray("readers")::add);
      }
    }
    return out;
  }
}
