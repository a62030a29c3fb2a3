package dev.stepstream.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.WireVersions;
import dev.stepstream.wire.WorkerOutput;
import dev.stepstream.worker.TaskContext;
import dev.stepstream.worker.TaskWorker;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The context handed to one handler call; heartbeats go to a sink (Kafka, or a test harness). The
 * context object and the whole request are decoded only when asked for.
 */
final class DefaultTaskContext implements TaskContext {
  private final LazyTaskRequest request;
  private final Consumer<TaskHeartbeat> heartbeats;
  private volatile boolean completesLater;
  private Deque<String> lines;

  DefaultTaskContext(LazyTaskRequest request, Consumer<TaskHeartbeat> heartbeats) {
    this.request = request;
    this.heartbeats = heartbeats;
  }

  @Override
  public String token() {
    return request.taskToken();
  }

  @Override
  public int attempt() {
    return request.attempt();
  }

  @Override
  public String executionArn() {
    return request.executionArn();
  }

  @Override
  public String stateName() {
    return request.stateName();
  }

  @Override
  public String taskName() {
    return request.taskName();
  }

  @Override
  public Long timeoutSeconds() {
    return request.timeoutSeconds();
  }

  @Override
  public Long heartbeatSeconds() {
    return request.heartbeatSeconds();
  }

  @Override
  public JsonNode context() {
    JsonNode context = request.context();
    return context == null ? NullNode.getInstance() : context;
  }

  @Override
  public TaskRequest request() {
    return request.toRequest();
  }

  @Override
  public void heartbeat() {
    heartbeats.accept(new TaskHeartbeat(WireVersions.CURRENT, request.executionArn(), request.taskToken()));
  }

  @Override
  public Object doNotComplete() {
    completesLater = true;
    return TaskWorker.NO_RESULT;
  }

  @Override
  public void log(String message) {
    String text = message == null ? "null" : message;
    synchronized (this) {
      if (lines == null) {
        lines = new ArrayDeque<>();
      }
      for (String line : text.split("\\R", -1)) {
        lines.addLast(line);
        if (lines.size() > WorkerOutput.MAX_LINES) {
          lines.removeFirst();
        }
      }
    }
  }

  /** The logged lines, bounded as {@link WorkerOutput} says; null when there are none. */
  synchronized List<String> loggedLines() {
    return lines == null ? null : WorkerOutput.bound(List.copyOf(lines));
  }

  boolean completesLater() {
    return completesLater;
  }
}
