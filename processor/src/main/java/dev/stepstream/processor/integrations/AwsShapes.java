package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.task.SdkMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Pieces of AWS's response and message shapes shared by the messaging integrations. */
final class AwsShapes {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private AwsShapes() {}

  /**
   * The SDK metadata Step Functions adds to the SNS and SQS results ({@code SdkHttpMetadata},
   * {@code SdkResponseMetadata}), with the headers an AWS response carries that mean something here.
   */
  static void putSdkMetadata(ObjectNode result, String requestId, String contentType, long nowMillis) {
    SdkMetadata.put(result, requestId, contentType, nowMillis);
  }

  /** {@code 2024-01-02T03:04:05.678Z}, as SNS timestamps its notifications. */
  static String isoMillis(long epochMillis) {
    return MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  /** {@code 2024-01-02T03:04:05Z}, as EventBridge stamps an event's {@code time}. */
  static String isoSeconds(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String md5Hex(byte[] bytes) {
    return HexFormat.of().formatHex(md5().digest(bytes));
  }

  static String md5Hex(String text) {
    return md5Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  /** A FIFO-style sequence number: the record's offset, zero-padded to 20 digits as AWS's are. */
  static String sequenceNumber(Written written) {
    return String.format("%020d", written.offset());
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
