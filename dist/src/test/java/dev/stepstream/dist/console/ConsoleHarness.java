package dev.stepstream.dist.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.stepstream.processor.Profile;
import dev.stepstream.server.api.console.ConsoleRoutes;
import dev.stepstream.server.dev.DevEnvironment;
import dev.stepstream.server.dev.DevSettings;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionSummary;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the console's browser tests share: dev on the shared
 * embedded broker with its own topic prefix, the example's samples run, the API serving the
 * console jar, and Debian's chromium through Playwright, a fresh page per test and a screenshot
 * after it in target/console-screenshots/. Skips itself without chromium or the built console.
 */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleHarness {
  static final String ROLE = "arn:aws:iam::123456789012:role/stepstream";
  static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:";
  static final Path SHOTS = Paths.get("target", "console-screenshots");
  static final ObjectMapper JSON = new ObjectMapper();
  static final double TIMEOUT_MS = 20_000;

  final String topicPrefix;
  final HttpClient http = HttpClient.newHttpClient();
  DevEnvironment env;
  String exampleStateMachineArn;
  String base;
  Browser browser;
  Page page;
  private Playwright playwright;
  private BrowserContext context;

  ConsoleHarness(String topicPrefix) {
    this.topicPrefix = topicPrefix;
  }

  /** What a test class sets up once the API answers (state machines it uses), before the browser starts. */
  void prepare() throws Exception {
  }

  /** Whether this class runs at all (checked before dev starts). */
  boolean enabled() {
    return true;
  }

  @BeforeAll
  void start(KafkaCluster kafka) throws Exception {
    assumeTrue(enabled(), getClass().getSimpleName() + " is off");
    Path chromium = Paths.get(System.getProperty("stepstream.chromium", "/usr/bin/chromium"));
    assumeTrue(Files.isExecutable(chromium), chromium + " is missing: run .ci/install-system-packages");
    assumeTrue(getClass().getClassLoader().getResource(ConsoleRoutes.ROOT + "index.html") != null,
        "the console was not built (npm missing?): run .ci/install-system-packages");
    Path dir = Files.createTempDirectory("stepstream-" + topicPrefix + "it");
    env = DevEnvironment.start(new DevSettings(kafka.bootstrapServers(), 0, dir, false, 2, topicPrefix,
        Duration.ofSeconds(30), true, Profile.EXACTLY_ONCE));
    List<Optional<ExecutionSummary>> samples = env.runSamples(Duration.ofSeconds(60));
    assertThat(samples).hasSize(1);
    exampleStateMachineArn = samples.get(0).orElseThrow().stateMachineArn();
    base = "http://127.0.0.1:" + env.startApi("127.0.0.1", 0);
    prepare();
    Files.createDirectories(SHOTS);
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
        .setExecutablePath(chromium)
        .setArgs(List.of("--disable-gpu", "--disable-dev-shm-usage", "--no-first-run")));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (env != null) {
      env.close();
    }
  }

  @BeforeEach
  void openPage() {
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000));
    page = context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
  }

  @AfterEach
  void closePage(TestInfo test) {
    if (context == null) {
      return;
    }
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
        .setPath(SHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png")));
    context.close();
  }

  void createMachine(String name, String definition) throws Exception {
    aws("CreateStateMachine", JSON.createObjectNode().put("name", name).put("definition", definition).put("roleArn", ROLE));
  }

  String startExecution(String machine, String name, String input) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("stateMachineArn", MACHINE + machine).put("name", name).put("input", input);
    return aws("StartExecution", body).get("executionArn").asText();
  }

  JsonNode aws(String operation, JsonNode body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/"))
        .header("X-Amz-Target", "AWSStepFunctions." + operation)
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(operation + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  String get(String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  static String encode(String arn) {
    return URLEncoder.encode(arn, StandardCharsets.UTF_8);
  }
}
