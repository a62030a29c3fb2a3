package dev.stepstream.bench.workflow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.WireJson;
import java.io.IOException;

/**
 * Reads only the {@code status} of an ExecutionSummary record, streaming, without building the
 * input and output trees: the bench's collector should cost as little CPU as the baselines' does.
 */
final class SummaryStatus {
  private SummaryStatus() {}

  /** The status, or an empty string when the record has none or is not JSON. */
  static String of(byte[] summary) {
    try (JsonParser parser = WireJson.mapper().getFactory().createParser(summary)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return "";
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if ("status".equals(field)) {
          return parser.getText();
        }
        parser.skipChildren();
      }
      return "";
    } catch (IOException e) {
      return "";
    }
  }

  static boolean terminal(String status) {
    for (ExecutionStatus s : ExecutionStatus.values()) {
      if (s.name().equals(status)) {
        return s.finished();
      }
    }
    return false;
  }
}
