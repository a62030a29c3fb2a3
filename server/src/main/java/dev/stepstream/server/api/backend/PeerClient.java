package dev.stepstream.server.api.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks another Stepstream instance about an execution its processor owns, over that instance's
 * internal endpoints ({@link PeerRoutes}). Short timeouts: a slow or gone peer is treated like a
 * rebalance (the caller retries or falls back), never waited on for long.
 */
public final class PeerClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(CONNECT_TIMEOUT)
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  /** The header carrying the instances' shared secret when authentication is on. */
  public static final String SECRET_HEADER = "X-Stepstream-Peer-Secret";

  private final String secret;

  public PeerClient() {
    this(null);
  }

  /** @param secret sent to every peer in {@link #SECRET_HEADER}, or null */
  public PeerClient(String secret) {
    this.secret = secret;
  }

  /** The peer could not answer now (its stores are rebalancing, or the answer was unreadable). */
  public static class PeerUnavailableException extends RuntimeException {
    PeerUnavailableException(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }

  /**
   * The peer could not be reached: the connection was refused or timed out, or no answer came within
   * the request timeout. It is most likely gone (killed, its host down) rather than busy.
   */
  public static final class PeerUnreachableException extends PeerUnavailableException {
    PeerUnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public Optional<ExecutionSummary> summary(String host, int port, String executionArn) {
    HttpResponse<byte[]> response = get(host, port, PeerRoutes.EXECUTIONS + encode(executionArn));
    return response.statusCode() == 404
        ? Optional.empty() : Optional.of(WireJson.decode(response.body(), ExecutionSummary.class));
  }

  /** Whether a task of the peer's execution waits for the token (false when the peer has no such execution). */
  public boolean holdsTask(String host, int port, String executionArn, String taskToken) {
    HttpResponse<byte[]> response = get(host, port, PeerRoutes.EXECUTIONS + encode(executionArn) + "/tasks?token="
        + URLEncoder.encode(taskToken, StandardCharsets.UTF_8));
    if (response.statusCode() == 404) {
      return false;
    }
    try {
      return WireJson.mapper().readTree(response.body()).path("held").asBoolean(false);
    } catch (IOException e) {
      throw new PeerUnavailableException("unreadable task answer from " + host + ":" + port, e);
    }
  }

  /** A Map Run's counts as the peer's execution state holds them (empty when it has none). */
  public Optional<JsonNode> mapRunCounts(String host, int port, String executionArn, String mapRunArn) {
    HttpResponse<byte[]> response = get(host, port, PeerRoutes.EXECUTIONS + encode(executionArn) + "/map-runs?mapRunArn="
        + URLEncoder.encode(mapRunArn, StandardCharsets.UTF_8));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    try {
      return Optional.of(WireJson.mapper().readTree(response.body()));
    } catch (IOException e) {
      throw new PeerUnavailableException("unreadable Map Run answer from " + host + ":" + port, e);
    }
  }

  public List<HistoryEvent> history(String host, int port, String executionArn, long fromId, long toId,
      boolean reverse, int limit) {
    String path = PeerRoutes.EXECUTIONS + encode(executionArn) + "/history?from=" + fromId + "&to=" + toId
        + "&reverse=" + reverse + "&limit=" + limit;
    HttpResponse<byte[]> response = get(host, port, path);
    if (response.statusCode() == 404) {
      return List.of();
    }
    try {
      List<HistoryEvent> events = new ArrayList<>();
      for (JsonNode event : WireJson.mapper().readTree(response.body())) {
        events.add(WireJson.decode(WireJson.mapper().writeValueAsBytes(event), HistoryEvent.class));
      }
      return events;
    } catch (IOException e) {
      throw new PeerUnavailableException("unreadable history from " + host + ":" + port, e);
    }
  }

  private HttpResponse<byte[]> get(String host, int port, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
        .timeout(REQUEST_TIMEOUT)
        .GET();
    if (secret != null) {
      builder.header(SECRET_HEADER, secret);
    }
    HttpRequest request = builder.build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException | HttpTimeoutException e) {
      throw new PeerUnreachableException(host + ":" + port + " cannot be reached: " + e, e);
    } catch (IOException e) {
      throw new PeerUnavailableException(host + ":" + port + " did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerUnavailableException("interrupted while asking " + host + ":" + port, e);
    }
    if (response.statusCode() != 200 && response.statusCode() != 404) {
      throw new PeerUnavailableException(host + ":" + port + " answered HTTP " + response.statusCode(), null);
    }
    return response;
  }

  private static String encode(String executionArn) {
    return URLEncoder.encode(executionArn, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
