package dev.stepstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsJson;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import picocli.CommandLine.Option;

/** Options shared by the commands that call the API: where it is, and JSON or table output. */
final class ApiOptions {
  static final String DEFAULT_ENDPOINT = "http://localhost:8083";
  static final String DEFAULT_ROLE = "arn:aws:iam::123456789012:role/stepstream";

  @Option(names = "--endpoint", paramLabel = "URL", defaultValue = DEFAULT_ENDPOINT,
      description = "The Stepstream API (default: ${DEFAULT-VALUE}).")
  String endpoint;

  @Option(names = "--json", description = "Print the API's JSON response instead of a table.")
  boolean json;

  ApiClient client() {
    return new ApiClient(endpoint);
  }

  /** Prints the raw response with --json; otherwise runs the table printer. */
  void print(PrintWriter out, JsonNode response, Runnable table) {
    if (json) {
      out.println(AwsJson.write(response));
    } else {
      table.run();
    }
    out.flush();
  }

  static String time(JsonNode epochSeconds) {
    if (epochSeconds == null || epochSeconds.isMissingNode() || epochSeconds.isNull()) {
      return "-";
    }
    long millis = new BigDecimal(epochSeconds.asText()).movePointRight(3).longValue();
    return Instant.ofEpochMilli(millis).toString();
  }

  /** Reads {@code @FILE} or returns the text itself. */
  static String textOrFile(String value) {
    if (value != null && value.startsWith("@")) {
      try {
        return java.nio.file.Files.readString(java.nio.file.Path.of(value.substring(1)));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("cannot read " + value.substring(1) + ": " + e.getMessage(), e);
      }
    }
    return value;
  }
}
