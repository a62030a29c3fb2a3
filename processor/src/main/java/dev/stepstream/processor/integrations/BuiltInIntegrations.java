package dev.stepstream.processor.integrations;

import dev.stepstream.asl.model.IntegrationPattern;
import dev.stepstream.asl.model.Resource;
import dev.stepstream.engine.task.MapRunTasks;
import dev.stepstream.engine.task.NestedExecutions;
import dev.stepstream.engine.task.ResourceMapping;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TaskRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The service integrations Stepstream runs itself, by the task name the engine gives their requests
 * ({@link ResourceMapping#BUILT_IN}): {@code __kafka.publish}, {@code __sns.publish},
 * {@code __sqs.sendMessage}, {@code __events.putEvents}, {@code __http.invoke},
 * {@code __states.startExecution}, and a Distributed Map's {@code __states.itemReader} and
 * {@code __states.resultWriter} ({@link MapRunTasks}).
 */
public final class BuiltInIntegrations implements AutoCloseable {
  private final Map<String, Integration> byTaskName;
  private final HttpInvoke http;

  public BuiltInIntegrations(TopicRouter router) {
    this(router, HttpSettings.defaults());
  }

  public BuiltInIntegrations(TopicRouter router, HttpSettings httpSettings) {
    this(router, httpSettings, MapRunSettings.defaults(), null);
  }

  /**
   * @param kafka where {@code kafka:getRecords} reads topic ranges; null when there is no broker
   *     (such a reader fails)
   */
  public BuiltInIntegrations(TopicRouter router, HttpSettings httpSettings, MapRunSettings mapRuns,
      KafkaConnection kafka) {
    this.http = new HttpInvoke(httpSettings);
    ObjectStore store = new ObjectStore(mapRuns.objectStoreRoot());
    this.byTaskName = Map.of(
        MapRunTasks.ITEM_READER, new ItemReaderIntegration(store, kafka == null ? null : new TopicRange(kafka),
            mapRuns.maxItemBytes()),
        MapRunTasks.RESULT_WRITER, new ResultWriterIntegration(store, router),
        taskName("kafka:publish"), new KafkaPublish(router),
        taskName("sns:publish"), new SnsPublish(router),
        taskName("sqs:sendMessage"), new SqsSendMessage(router),
        taskName("events:putEvents"), new EventsPutEvents(router),
        taskName("http:invoke"), http,
        taskName(NestedExecutions.START_EXECUTION), new StatesStartExecution(router.commands()));
  }

  /** The task names whose topics the runner consumes. */
  public Set<String> taskNames() {
    return byTaskName.keySet();
  }

  /** The plan for one request; a request this runner does not serve fails the Task. */
  public Plan plan(TaskRequest request, long nowMillis, Supplier<String> ids, Call.TargetTopics topics) {
    return start(request, nowMillis, ids, topics).join();
  }

  /** Starts the call of one request (an HTTP call runs on the HTTP pool); the future never fails. */
  public CompletableFuture<Plan> start(TaskRequest request, long nowMillis, Supplier<String> ids,
      Call.TargetTopics topics) {
    Integration integration = byTaskName.get(request.taskName());
    if (integration == null) {
      return CompletableFuture.completedFuture(Plan.failed(new IntegrationFailure("States.Runtime",
          "No built-in integration serves the task '" + request.taskName() + "'.")));
    }
    boolean callback = Resource.parse(request.resource())
        .map(r -> r.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN).orElse(false);
    return integration.start(new Call(request, callback, nowMillis, ids, topics));
  }

  /** Stops the HTTP pool. */
  @Override
  public void close() {
    http.close();
  }

  static String taskName(String serviceAndApi) {
    return ResourceMapping.BUILT_IN_PREFIX + serviceAndApi.replace(':', '.');
  }
}
