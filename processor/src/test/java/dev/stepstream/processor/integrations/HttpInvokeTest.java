package dev.stepstream.processor.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stepstream.wire.TopicCatalogue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth client credentials against a token endpoint on 127.0.0.1: the token is fetched once and sent as Bearer. */
class HttpInvokeTest {
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", exchange -> {
      tokenRequests.incrementAndGet();
      tokenAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      answer(exchange, 200, "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    });
    server.createContext("/api", exchange -> {
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      answer(exchange, 200, "{\"ok\":true}");
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void shouldFetchTheOAuthTokenOnceAndSendItAsBearer() {
    HttpConnection oauth = new HttpConnection("Api", HttpConnection.Type.OAUTH_CLIENT_CREDENTIALS,
        Map.of("clientId", "id", "clientSecret", "cs", "tokenEndpoint", base + "/token"));
    try (BuiltInIntegrations integrations = new BuiltInIntegrations(
        new TopicRouter(IntegrationSettings.defaults("stepstream."), TopicCatalogue.load()),
        new HttpSettings(2, Duration.ofSeconds(5), Map.of("Api", oauth)))) {
      String parameters = """
          {"ApiEndpoint":"%s/api","Method":"GET",
           "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:1:connection/Api/9"}}""".formatted(base);
      for (int i = 0; i < 2; i++) {
        Plan plan = integrations.plan(Calls.request("arn:aws:states:::http:invoke", parameters), Calls.NOW,
            () -> "id", topic -> true);
        Outcome outcome = plan.outcomeOf(List.of());
        assertThat(outcome).isInstanceOf(Outcome.Succeeded.class);
        assertThat(((Outcome.Succeeded) outcome).output().at("/ResponseBody/ok").asBoolean()).isTrue();
      }
    }

    assertThat(tokenRequests.get()).isEqualTo(1);
    assertThat(tokenAuthorizations).containsExactly("Basic aWQ6Y3M=");
    assertThat(authorizations).containsExactly("Bearer tok-1", "Bearer tok-1");
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
