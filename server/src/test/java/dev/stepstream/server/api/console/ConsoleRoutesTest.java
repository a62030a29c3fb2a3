package dev.stepstream.server.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's routes next to the API's: deep links answer index.html, nothing else is taken over. */
class ConsoleRoutesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Javalin app;
  private static Javalin bare;

  @BeforeAll
  static void start() {
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/", ctx -> ctx.result("aws"));
      config.routes.get("/api/executions/{arn}", ctx -> ctx.result("api " + ctx.pathParam("arn")));
      config.routes.get("/metrics", ctx -> ctx.result("metrics"));
      config.routes.get("/internal/ping", ctx -> ctx.result("internal"));
      new ConsoleRoutes(ConsoleRoutesTest.class.getClassLoader(), "console-test/").register(config.routes);
    }).start("127.0.0.1", 0);
    bare = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      new ConsoleRoutes(ConsoleRoutesTest.class.getClassLoader(), "no-such-root/").register(config.routes);
    }).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    app.stop();
    bare.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/state-machines", "/state-machines/arn%3Aaws%3Astates%3Aus-east-1%3A1%3AstateMachine%3AM",
      "/executions", "/executions?status=FAILED", "/executions/arn%3Aaws%3Astates%3Aus-east-1%3A1%3Aexecution%3AM%3Ae",
      "/studio", "/studio/arn%3Aaws%3Astates%3Aus-east-1%3A1%3AstateMachine%3AM", "/metrics-dashboard", "/schedules", "/triggers"})
  void should_answer_index_html_for_console_routes(String path) throws Exception {
    // WHEN
    HttpResponse<String> response = get(app, path);
    // THEN
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(response.body()).contains("test console");
  }

  @Test
  void should_serve_hashed_assets_with_their_type_and_long_caching() throws Exception {
    HttpResponse<String> response = get(app, "/assets/app-1234.js");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    assertThat(response.body()).contains("console.log");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/assets/missing.js", "/assets/..%2F..%2Fconsole-test%2Findex.html", "/nothing-here"})
  void should_answer_404_for_unknown_files(String path) throws Exception {
    assertThat(get(app, path).statusCode()).isEqualTo(404);
  }

  @Test
  void should_leave_the_aws_protocol_api_metrics_and_internal_routes_alone() throws Exception {
    HttpResponse<String> aws = HTTP.send(HttpRequest.newBuilder(uri(app, "/")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(aws.body()).isEqualTo("aws");
    assertThat(get(app, "/api/executions/x").body()).isEqualTo("api x");
    assertThat(get(app, "/metrics").body()).isEqualTo("metrics");
    assertThat(get(app, "/internal/ping").body()).isEqualTo("internal");
  }

  @Test
  void should_explain_when_the_console_is_not_in_the_build() throws Exception {
    HttpResponse<String> response = get(bare, "/executions");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("The web console is not in this build");
  }

  @Test
  void should_reject_paths_that_leave_the_asset_root() {
    assertThat(ConsoleRoutes.safe("assets/a.js")).isTrue();
    assertThat(ConsoleRoutes.safe("assets/../../x")).isFalse();
    assertThat(ConsoleRoutes.safe("assets\\x")).isFalse();
    assertThat(ConsoleRoutes.safe("")).isFalse();
  }

  private static HttpResponse<String> get(Javalin server, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(server, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(Javalin server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
