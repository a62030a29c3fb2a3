package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Access tokens of {@code OAUTH_CLIENT_CREDENTIALS} connections: fetched from the token endpoint
 * (client id and secret as basic authentication) and kept until a minute before they expire.
 */
final class OAuthTokens {
  private final HttpClient client;
  private final Duration timeout;
  private final LongSupplier clock;
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  OAuthTokens(HttpClient client, Duration timeout, LongSupplier clock) {
    this.client = client;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Blocks while a token is fetched; a failure fails the Task (without the secret). */
  String token(HttpConnection connection) {
    Token cached = cache.get(connection.name());
    if (cached != null && cached.expiresAt() > clock.getAsLong()) {
      return cached.value();
    }
    Token fresh = fetch(connection);
    cache.put(connection.name(), fresh);
    return fresh.value();
  }

  private Token fetch(HttpConnection c) {
    String form = "grant_type=client_credentials"
        + (c.field("scope") == null ? "" : "&scope=" + HttpRequests.encode(c.field("scope")));
    String basic = Base64.getEncoder().encodeToString(
        (c.field("clientId") + ":" + c.field("clientSecret")).getBytes(StandardCharsets.UTF_8));
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(c.field("tokenEndpoint"))).timeout(timeout)
          .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.statusCode() / 100 == 2 ? WireJson.mapper().readTree(response.body()) : null;
      if (body == null || !body.path("access_token").isTextual()) {
        throw failure(c, "answered HTTP " + response.statusCode() + " without an access_token");
      }
      long seconds = body.path("expires_in").asLong(3600);
      return new Token(body.get("access_token").textValue(), clock.getAsLong() + Math.max(0, seconds - 60) * 1000);
    } catch (IOException | IllegalArgumentException e) {
      throw failure(c, "could not be reached: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(c, "was interrupted");
    }
  }

  private static IntegrationFailure failure(HttpConnection c, String what) {
    return new IntegrationFailure(HttpRequests.INVALID,
        "The OAuth token endpoint of the HTTP connection '" + c.name() + "' " + what + ".");
  }

  private record Token(String value, long expiresAt) {}
}
