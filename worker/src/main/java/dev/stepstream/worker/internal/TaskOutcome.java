package dev.stepstream.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireVersions;
import dev.stepstream.worker.RawJson;
import java.util.List;

/** The result a handler call produced, ready to be written. Not part of the API. */
public sealed interface TaskOutcome {
  String executionArn();

  String taskToken();

  /** The record's bytes, as {@code WireJson.encode} writes the equivalent record. */
  byte[] encode();

  /** The equivalent wire record (a raw output is parsed for it). */
  TaskResult toRecord();

  /** @param output a {@link JsonNode} or a {@link RawJson} */
  record Succeeded(String executionArn, String taskToken, Object output, List<String> workerOutput)
      implements TaskOutcome {
    public Succeeded {
      if (!(output instanceof JsonNode) && !(output instanceof RawJson)) {
        throw new IllegalArgumentException("a task output is a JsonNode or a RawJson, not " + output);
      }
    }

    @Override
    public byte[] encode() {
      return ResultWriter.succeeded(executionArn, taskToken, output, workerOutput);
    }

    @Override
    public TaskSucceeded toRecord() {
      JsonNode tree = output instanceof RawJson raw ? raw.tree() : (JsonNode) output;
      return new TaskSucceeded(WireVersions.CURRENT, executionArn, taskToken, tree, workerOutput);
    }
  }

  record Failed(TaskFailed record) implements TaskOutcome {
    @Override
    public String executionArn() {
      return record.executionArn();
    }

    @Override
    public String taskToken() {
      return record.taskToken();
    }

    @Override
    public byte[] encode() {
      return ResultWriter.failed(record);
    }

    @Override
    public TaskFailed toRecord() {
      return record;
    }
  }
}
