package dev.stepstream.processor;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stepstream.wire.ExecutionLogs;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.LoggingConfiguration;
import dev.stepstream.wire.WireJson;
import java.util.List;

/**
 * The execution log events of one transition: each history event the state machine's
 * {@code loggingConfiguration} level logs, in the AWS CloudWatch Logs shape, to the {@code logs}
 * topic. Forwarded from the same {@code process} call as the transition, so under exactly-once they
 * commit (or abort) with it. A redriven execution's events carry its redrive count.
 */
final class ExecutionLogWriter {
  private final RecordSink sink;

  ExecutionLogWriter(RecordSink sink) {
    this.sink = sink;
  }

  void write(String executionArn, List<HistoryEvent> events, LoggingConfiguration logging, int redriveCount,
      long nowMillis) {
    if ("OFF".equals(logging.level())) {
      return;
    }
    for (HistoryEvent event : events) {
      if (logging.logs(event.eventType())) {
        sink.send(RecordSink.Topic.LOGS, executionArn,
            encode(ExecutionLogs.event(event, redriveCount, logging.includeExecutionData())), nowMillis);
      }
    }
  }

  private static byte[] encode(Object log) {
    try {
      return WireJson.mapper().writeValueAsBytes(log);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode an execution log event", e);
    }
  }
}
