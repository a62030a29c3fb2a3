package dev.stepstream.engine.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The SDK metadata Step Functions adds to an AWS SDK integration's result ({@code SdkHttpMetadata},
 * {@code SdkResponseMetadata}), with the headers an AWS response carries that mean something here.
 */
public final class SdkMetadata {
  /** The content type of AWS JSON 1.0 services (Step Functions, SQS). */
  public static final String AMZ_JSON_1_0 = "application/x-amz-json-1.0";

  private SdkMetadata() {}

  /** Adds the metadata of a 200 answer to {@code result}, dated {@code epochMillis}. */
  public static void put(ObjectNode result, String requestId, String contentType, long epochMillis) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC));
    ObjectNode http = result.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    all.putArray("x-amzn-RequestId").add(requestId);
    all.putArray("Date").add(date);
    all.putArray("Content-Type").add(contentType);
    http.putObject("HttpHeaders").put("Content-Type", contentType).put("Date", date).put("x-amzn-RequestId", requestId);
    http.put("HttpStatusCode", 200);
    result.putObject("SdkResponseMetadata").put("RequestId", requestId);
  }
}
