package dev.stepstream.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * The record on the {@code events} topic: AWS's EventBridge event "Step Functions Execution Status
 * Change", keyed by execution ARN, one per status an execution enters. It is not a {@link WireRecord}
 * (the shape is AWS's, without {@code type}); its schema is {@code execution-status-change.schema.json}.
 *
 * <p>As on AWS, {@code input} and {@code output} are JSON text; output over {@value #MAX_ESCAPED_CHARS}
 * characters is left out, and so is input when input and output together exceed it, which
 * {@code inputDetails}/{@code outputDetails} ({@code "included": false}) then say. The {@code id}
 * is derived from the execution, status and redrive count, so a re-sent event has the same id.
 */
public final class ExecutionStatusChange {
  public static final String DETAIL_TYPE = "Step Functions Execution Status Change";
  public static final String SOURCE = "aws.states";
  static final int MAX_ESCAPED_CHARS = 248 * 1024;
  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  });

  private ExecutionStatusChange() {}

  /** The event for {@code summary}'s status, which the execution entered at {@code timeMillis}. */
  public static ObjectNode of(ExecutionSummary summary, long timeMillis) {
    ObjectNode event = WireJson.mapper().createObjectNode();
    event.put("version", "0");
    event.put("id", idOf(summary));
    event.put("detail-type", DETAIL_TYPE);
    event.put("source", SOURCE);
    event.put("account", arnField(summary.executionArn(), 4));
    event.put("time", time(timeMillis));
    event.put("region", arnField(summary.executionArn(), 3));
    event.putArray("resources").add(summary.executionArn());
    event.set("detail", detail(summary));
    return event;
  }

  /** {@link #of} as UTF-8 JSON, written without building the tree (the same bytes). */
  public static byte[] encode(ExecutionSummary summary, long timeMillis) {
    return ExecutionStatusChangeWriter.encode(summary, timeMillis);
  }

  /** The summary as it was while running: the same execution without stop date, output or error. */
  public static ExecutionSummary running(ExecutionSummary summary) {
    return new ExecutionSummary(summary.version(), summary.executionArn(), summary.stateMachineArn(), summary.name(),
        ExecutionStatus.RUNNING, summary.startDate(), null, summary.input(), null, null, null, summary.redriveCount(),
        summary.stateMachineAliasArn());
  }

  private static ObjectNode detail(ExecutionSummary summary) {
    ObjectNode detail = WireJson.mapper().createObjectNode();
    detail.put("executionArn", summary.executionArn());
    detail.put("stateMachineArn", summary.stateMachineArn());
    detail.put("name", summary.name());
    detail.put("status", summary.status().name());
    detail.put("startDate", summary.startDate());
    detail.put("stopDate", summary.stopDate());
    Payloads payloads = Payloads.of(summary);
    detail.put("input", payloads.inputIncluded() ? payloads.input() : null);
    detail.putObject("inputDetails").put("included", payloads.inputIncluded());
    detail.put("output", payloads.outputIncluded() ? payloads.output() : null);
    if (payloads.output() == null) {
      detail.putNull("outputDetails");
    } else {
      detail.putObject("outputDetails").put("included", payloads.outputIncluded());
    }
    detail.put("error", summary.error());
    detail.put("cause", summary.cause());
    detail.put("redriveCount", summary.redriveCount());
    return detail;
  }

  /** Input and output as JSON text, and whether each fits in the event. */
  record Payloads(String input, boolean inputIncluded, String output, boolean outputIncluded) {
    static Payloads of(ExecutionSummary summary) {
      String output = text(summary.output());
      String input = text(summary.input());
      boolean outputIncluded = output == null || output.length() <= MAX_ESCAPED_CHARS;
      int outputChars = outputIncluded && output != null ? output.length() : 0;
      boolean inputIncluded = input == null || input.length() + outputChars <= MAX_ESCAPED_CHARS;
      return new Payloads(input, inputIncluded, output, outputIncluded);
    }
  }

  private static String text(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return null;
    }
    try {
      return WireJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Field {@code index} of an ARN ({@code arn:partition:service:region:account:...}), or "" when it has none. */
  static String arnField(String arn, int index) {
    int start = 0;
    for (int i = 0; i < index; i++) {
      start = arn.indexOf(':', start) + 1;
      if (start == 0) {
        return "";
      }
    }
    int end = arn.indexOf(':', start);
    return arn.substring(start, end < 0 ? arn.length() : end);
  }

  /** The event's time, to the second, as ISO-8601 ({@code 2026-01-01T00:00:00Z}). */
  static String time(long timeMillis) {
    long second = Math.floorDiv(timeMillis, 1000L);
    int slot = (int) (second & (SECONDS.length - 1));
    Second known = SECONDS[slot];
    if (known == null || known.epochSecond() != second) {
      // Formatting an Instant cost a fifth of encoding an event. A start's event carries the start's
      // time and an end's the time of the end, so a few recent seconds are kept, not just the last.
      known = new Second(second, Instant.ofEpochSecond(second).toString());
      SECONDS[slot] = known;
    }
    return known.text();
  }

  /**
   * A formatted second. Its fields are final, so a thread that reads another thread's entry from
   * {@link #SECONDS} (a plain array: a stale or missing entry is only a miss) sees it whole.
   */
  private record Second(long epochSecond, String text) {}

  private static final Second[] SECONDS = new Second[64];

  static String idOf(ExecutionSummary summary) {
    String identity = summary.executionArn() + "|" + summary.status().name() + "|" + summary.redriveCount();
    return nameUuid(identity.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * {@link UUID#nameUUIDFromBytes} (version 3, MD5) with a digest kept per thread: looking the
   * digest up for every event cost a quarter of encoding it.
   */
  static UUID nameUuid(byte[] name) {
    MessageDigest md5 = MD5.get();
    md5.reset();
    byte[] hash = md5.digest(name);
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (hash[i] & 0xff);
      lsb = (lsb << 8) | (hash[i + 8] & 0xff);
    }
    return new UUID(msb, lsb);
  }

}
