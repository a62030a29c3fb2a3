package dev.stepstream.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final AtomicReference<Optional<String>> notReady = new AtomicReference<>(Optional.empty());
  private Javalin app;

  @BeforeEach
  void start() {
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      new HealthRoutes(notReady::get).register(config.routes);
    }).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void shouldBeReadyWhenNothingStopsItFromServing() throws Exception {
    HttpResponse<String> ready = get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void shouldAnswer503WithTheReasonWhileNotReadyButStayLive() throws Exception {
    notReady.set(Optional.of("the processor is REBALANCING, not RUNNING"));

    HttpResponse<String> ready = get("/health/ready");
    HttpResponse<String> live = get("/health/live");

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\",\"reason\":\"the processor is REBALANCING, not RUNNING\"}");
    assertThat(live.statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
