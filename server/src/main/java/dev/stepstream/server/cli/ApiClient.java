package dev.stepstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.auth.SigV4Signer;
import dev.stepstream.server.api.aws.AwsJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.time.Duration;

/**
 * Calls the Stepstream API in the AWS JSON 1.0 protocol (what the AWS SDKs send), signed with
 * SigV4 when {@link CliCredentials} finds a key in the environment, unsigned otherwise.
 */
final class ApiClient {
  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ApiClient(String endpoint) {
    this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
  }

  /** An AWS error answered by the API: its {@code __type} and message. */
  static final class ApiError extends RuntimeException {
    final String errorName;

    ApiError(String errorName, String message) {
      super(errorName + ": " + message);
      this.errorName = errorName;
    }
  }

  JsonNode call(String operation, ObjectNode request) {
    byte[] payload = AwsJson.write(request).getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = Map.of("Content-Type", AwsJson.CONTENT_TYPE,
        "X-Amz-Target", "AWSStepFunctions." + operation);
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(6))
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
    headers.forEach(builder::header);
    CliCredentials.fromEnvironment().ifPresent(key -> SigV4Signer.sign(key, "us-east-1", Instant.now(),
        endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort()), endpoint.getRawPath(),
        headers, payload).forEach(builder::header));
    return send(builder.build());
  }

  /** One REST call under {@code /api/}, with the key (when set) as a bearer token. */
  JsonNode rest(String method, String path, JsonNode body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(path.startsWith("/") ? path.substring(1) : path))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(AwsJson.write(body)));
    CliCredentials.fromEnvironment().ifPresent(k -> builder.header("Authorization", "Bearer " + k.id() + ":" + k.secret()));
    return send(builder.build());
  }

  /** Sends a request; an answer other than 200 throws {@link ApiError} with the AWS error it carries. */
  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IllegalStateException("cannot reach the Stepstream API at " + endpoint
          + " (is `stepstream dev` or `stepstream serve` running? use --endpoint)", e);
    } catch (IOException e) {
      throw new IllegalStateException("calling " + endpoint + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    JsonNode body = AwsJson.parse(response.body()).orElse(AwsJson.object());
    if (response.statusCode() != 200) {
      throw new ApiError(body.path("__type").asText("HTTP " + response.statusCode()),
          body.path("message").asText(response.body()));
    }
    return body;
  }
}
