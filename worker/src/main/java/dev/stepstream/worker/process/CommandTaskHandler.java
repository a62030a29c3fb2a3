package dev.stepstream.worker.process;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.TaskContext;
import dev.stepstream.worker.TaskFailure;
import dev.stepstream.worker.TaskHandler;
import dev.stepstream.worker.internal.FailureMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs an operating-system command per task, so workers can be written in any language without
 * Kafka: the task input (JSON) is written to the command's stdin, and
 * <ul>
 *   <li>exit code 0: stdout is the output — parsed as one JSON value, or the trimmed text as a JSON
 *       string when it is not JSON, or {@code null} when it is empty;</li>
 *   <li>any other exit code: the task fails with {@value #COMMAND_FAILED} and the last 32 KiB of
 *       stderr as cause;</li>
 *   <li>running longer than the request's TimeoutSeconds: the command is killed and the task fails
 *       with {@code States.Timeout}, the error the engine reports for the same timeout.</li>
 * </ul>
 * The environment carries {@code STEPSTREAM_TASK_TOKEN}, {@code STEPSTREAM_EXECUTION_ARN},
 * {@code STEPSTREAM_STATE_NAME}, {@code STEPSTREAM_TASK_NAME} and {@code STEPSTREAM_ATTEMPT}. While
 * the command runs, heartbeats are sent for tasks that have HeartbeatSeconds. Whatever the exit
 * code, the command's stderr lines go to the task's log ({@link TaskContext#log}), so they travel
 * with the result and show under the task's events in the console (the last 100 lines).
 */
public final class CommandTaskHandler implements TaskHandler {
  public static final String COMMAND_FAILED = "Stepstream.CommandFailed";
  public static final String TIMEOUT = "States.Timeout";
  static final int MAX_STDOUT_BYTES = 1024 * 1024;
  static final int MAX_STDERR_BYTES = 4 * FailureMapping.MAX_CAUSE_LENGTH;
  private static final long KILL_GRACE_MILLIS = 2_000;
  private static final ObjectReader SINGLE_VALUE =
      WireJson.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final List<String> command;
  private final ExecutorService streams = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "stepstream-command-io");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean stopping;

  public CommandTaskHandler(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("a command is required");
    }
    this.command = List.copyOf(command);
  }

  public List<String> command() {
    return command;
  }

  /**
   * Says the worker is stopping. A terminal's Ctrl-C also reaches the commands; one that exits
   * non-zero after this is not reported as failed but left for redelivery.
   */
  public void stopping() {
    stopping = true;
  }

  @Override
  public Object handle(JsonNode input, TaskContext ctx) throws Exception {
    Process process = start(ctx.request());
    CompletableFuture<Void> stdin = CompletableFuture.runAsync(() -> writeInput(process, input), streams);
    CompletableFuture<StreamCapture> stdout = capture(process, StreamCapture.head(MAX_STDOUT_BYTES), false);
    CompletableFuture<StreamCapture> stderr = capture(process, StreamCapture.tail(MAX_STDERR_BYTES), true);
    try {
      awaitExit(process, ctx);
    } catch (InterruptedException | RuntimeException e) {
      kill(process);
      throw e;
    }
    stdin.join();
    int exitCode = process.exitValue();
    String errors = join(stderr).text();
    logLines(errors, ctx);
    if (exitCode != 0) {
      if (stopping) {
        throw new InterruptedException("the worker is stopping; the command exited with code " + exitCode);
      }
      throw new TaskFailure(COMMAND_FAILED, failureCause(exitCode, errors));
    }
    return output(join(stdout));
  }

  private Process start(TaskRequest request) {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("STEPSTREAM_TASK_TOKEN", request.taskToken());
    env.put("STEPSTREAM_EXECUTION_ARN", request.executionArn());
    env.put("STEPSTREAM_STATE_NAME", request.stateName());
    env.put("STEPSTREAM_TASK_NAME", request.taskName());
    env.put("STEPSTREAM_ATTEMPT", Integer.toString(request.attempt()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new TaskFailure(COMMAND_FAILED, "cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  /** Waits for the command, heartbeating if the task has HeartbeatSeconds, killing it at TimeoutSeconds. */
  private static void awaitExit(Process process, TaskContext ctx) throws InterruptedException {
    TaskRequest request = ctx.request();
    long started = System.nanoTime();
    long deadline = request.timeoutSeconds() == null ? Long.MAX_VALUE : started + TimeUnit.SECONDS.toNanos(request.timeoutSeconds());
    long heartbeatEvery = request.heartbeatSeconds() == null
        ? Long.MAX_VALUE : Math.max(TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(request.heartbeatSeconds()) / 3);
    long nextHeartbeat = heartbeatEvery == Long.MAX_VALUE ? Long.MAX_VALUE : started + heartbeatEvery;
    while (true) {
      long now = System.nanoTime();
      if (now - deadline >= 0 && deadline != Long.MAX_VALUE) {
        kill(process);
        throw new TaskFailure(TIMEOUT, "The command did not finish within " + request.timeoutSeconds() + " seconds and was stopped");
      }
      if (nextHeartbeat != Long.MAX_VALUE && now - nextHeartbeat >= 0) {
        ctx.heartbeat();
        nextHeartbeat = now + heartbeatEvery;
      }
      long wait = Math.min(Math.min(deadline, nextHeartbeat) - now, TimeUnit.SECONDS.toNanos(1));
      if (process.waitFor(Math.max(wait, 1), TimeUnit.NANOSECONDS)) {
        return;
      }
    }
  }

  private static void writeInput(Process process, JsonNode input) {
    try (OutputStream in = process.getOutputStream()) {
      WireJson.mapper().writeValue(in, input);
    } catch (IOException e) {
      // The command exited or closed stdin without reading everything; its exit code tells the rest.
    }
  }

  private CompletableFuture<StreamCapture> capture(Process process, StreamCapture capture, boolean errorStream) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return capture.readAll(errorStream ? process.getErrorStream() : process.getInputStream());
      } catch (IOException e) {
        return capture;
      }
    }, streams);
  }

  private static StreamCapture join(CompletableFuture<StreamCapture> capture) {
    try {
      return capture.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("cannot read the command's output", e.getCause());
    }
  }

  private static JsonNode output(StreamCapture stdout) {
    if (stdout.truncated()) {
      throw new TaskFailure("States.DataLimitExceeded",
          "The command wrote " + stdout.totalBytes() + " bytes to stdout, more than the limit of " + MAX_STDOUT_BYTES);
    }
    return parseOutput(stdout.text());
  }

  /** One JSON value; otherwise the trimmed text as a JSON string; empty output is null. */
  static JsonNode parseOutput(String stdout) {
    String text = stdout.trim();
    if (text.isEmpty()) {
      return NullNode.getInstance();
    }
    try {
      return SINGLE_VALUE.readTree(text);
    } catch (IOException e) {
      return TextNode.valueOf(text);
    }
  }

  private static void logLines(String stderr, TaskContext ctx) {
    String text = stderr.strip();
    if (!text.isEmpty()) {
      ctx.log(text);
    }
  }

  static String failureCause(int exitCode, String stderr) {
    String text = stderr.strip();
    if (text.isEmpty()) {
      return "The command exited with code " + exitCode;
    }
    return text.length() <= FailureMapping.MAX_CAUSE_LENGTH ? text : text.substring(text.length() - FailureMapping.MAX_CAUSE_LENGTH);
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
