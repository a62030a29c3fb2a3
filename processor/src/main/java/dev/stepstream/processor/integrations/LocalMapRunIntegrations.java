package dev.stepstream.processor.integrations;

import dev.stepstream.engine.local.LocalIntegrations;
import dev.stepstream.engine.task.MapRunTasks;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireVersions;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

/**
 * Serves a local run's Distributed Map ItemReader and ResultWriter with the processor's own reader and
 * writer over an object store directory, so that {@code run-local} reads and writes the same files
 * the server would. There is no broker: the {@code kafka:*} readers and writers fail with a cause
 * saying so.
 */
public final class LocalMapRunIntegrations implements LocalIntegrations {
  private final ObjectStore store;
  private final ItemReaderIntegration reader;
  private final ResultWriterIntegration writer;

  public LocalMapRunIntegrations(MapRunSettings settings) {
    this.store = new ObjectStore(settings.objectStoreRoot());
    this.reader = new ItemReaderIntegration(store, null, settings.maxItemBytes());
    this.writer = new ResultWriterIntegration(store, null);
  }

  @Override
  public TaskResult answer(TaskRequest request) {
    boolean reading = MapRunTasks.ITEM_READER.equals(request.taskName());
    String resource = request.input().path(reading ? "ItemReader" : "ResultWriter").path("Resource").asText("");
    if (resource.startsWith("arn:aws:states:::kafka:")) {
      return failed(request, LocalIntegrations.errorFor(request), "The " + (reading ? "ItemReader" : "ResultWriter")
          + " resource " + resource + " needs a Kafka broker; run-local has none.");
    }
    Outcome outcome;
    try {
      Call call = new Call(request, false, request.scheduledAt(), () -> UUID.randomUUID().toString(), topic -> false);
      outcome = (reading ? reader : writer).plan(call).outcomeOf(List.of());
    } catch (RuntimeException e) {
      outcome = new Outcome.Failed(LocalIntegrations.errorFor(request), String.valueOf(e.getMessage()));
    }
    if (outcome instanceof Outcome.Succeeded ok) {
      return new TaskSucceeded(WireVersions.CURRENT, request.executionArn(), request.taskToken(), ok.output());
    }
    Outcome.Failed failed = (Outcome.Failed) outcome;
    return failed(request, failed.error(), withRootHint(failed.cause()));
  }

  /** A missing file under a missing root usually means the root was not given: say which one was used. */
  private String withRootHint(String cause) {
    if (Files.isDirectory(store.root())) {
      return cause;
    }
    return cause + " (the object store root " + store.root() + " does not exist)";
  }

  private static TaskFailed failed(TaskRequest request, String error, String cause) {
    return new TaskFailed(WireVersions.CURRENT, request.executionArn(), request.taskToken(), error, cause);
  }
}
