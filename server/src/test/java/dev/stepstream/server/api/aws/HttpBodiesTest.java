package dev.stepstream.server.api.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies read at their exact length (or through Javalin when that is unknown or too long) and written as they are. */
class HttpBodiesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Javalin app;

  @BeforeAll
  static void startServer() {
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = 1_000;
      config.routes.post("/", ctx -> {
        byte[] once = HttpBodies.read(ctx);
        byte[] again = HttpBodies.read(ctx);
        String echo = (once == again ? "same " : "copied ") + once.length + " " + new String(once, StandardCharsets.UTF_8);
        HttpBodies.write(ctx, 201, AwsJson.CONTENT_TYPE, echo.getBytes(StandardCharsets.UTF_8));
      });
    }).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stopServer() {
    app.stop();
  }

  private static HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/")).POST(body).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldReadABodyOfKnownLengthOnceAndWriteTheAnswerAsItIs() throws Exception {
    HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString("{\"a\":\"é\"}"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(AwsJson.CONTENT_TYPE);
    assertThat(response.headers().firstValueAsLong("Content-Length"))
        .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
    assertThat(response.body()).isEqualTo("same 10 {\"a\":\"é\"}");
  }

  @Test
  void shouldReadAChunkedBodyThroughJavalin() throws Exception {
    byte[] body = "{\"chunked\":true}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("same 16 {\"chunked\":true}");
  }

  @Test
  void shouldRefuseABodyOverTheLimitWith413() throws Exception {
    HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString("x".repeat(1_001)));

    assertThat(response.statusCode()).isEqualTo(413);
  }
}
