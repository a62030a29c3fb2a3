package dev.stepstream.dist.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web console in a real browser (Debian's chromium driven by Playwright) against dev: the
 * embedded broker, the engine, the example's workers and the API serving the console jar. The
 * routes and attributes used here are the contract of docs/console.md. Screenshots go to
 * target/console-screenshots/.
 */
class ConsoleIT extends ConsoleHarness {
  ConsoleIT() {
    super("consoleit.");
  }

  @Override
  void prepare() throws Exception {
    createMachine("WaitFiveSeconds", """
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Result": {"pedido": 42}, "Next": "Esperar"},
          "Esperar": {"Type": "Wait", "Seconds": 5, "Next": "Done"},
          "Done": {"Type": "Succeed"}}}""");
    createMachine("AlwaysFails", """
        {"StartAt": "Validate", "States": {
          "Validate": {"Type": "Pass", "Next": "Reject"},
          "Reject": {"Type": "Fail", "Error": "Pedido.Invalido", "Cause": "O campo 'valor' deve ser positivo"}}}""");
    createMachine("LoanCheck", """
        {"StartAt": "Fetch", "States": {
          "Fetch": {"Type": "Pass", "Next": "Enrich"},
          "Enrich": {"Type": "Parallel", "Next": "Approve",
            "Branches": [
              {"StartAt": "Geo", "States": {"Geo": {"Type": "Pass", "End": true}}},
              {"StartAt": "Credit", "States": {"Credit": {"Type": "Fail", "Error": "Credit.Unavailable", "Cause": "bureau timeout"}}}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Fallback"}]},
          "Fallback": {"Type": "Pass", "Next": "Approve"},
          "Approve": {"Type": "Succeed"}}}""");
    createMachine("BigMap", """
        {"StartAt": "EachItem", "States": {
          "EachItem": {"Type": "Map", "ItemsPath": "$.items", "End": true,
            "ItemProcessor": {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}}}}}""");
  }

  @Test
  void shouldListTheStateMachinesWithTheirExecutionsAndSearch() {
    page.navigate(base + "/");

    assertThat(page.locator("[data-machine-name='ImagePipeline']")).isVisible();
    assertThat(page.locator("[data-machine-name='ImagePipeline'] [data-execution-status='SUCCEEDED']")).isVisible();
    assertThat(page.locator("[data-machine-name='WaitFiveSeconds']")).isVisible();
    assertThat(page.locator("[data-machine-name='AlwaysFails']")).containsText("STANDARD");

    page.getByTestId("machine-search").fill("image");
    assertThat(page.locator("[data-machine-name]")).hasCount(1);
    assertThat(page.locator("[data-machine-name='ImagePipeline']")).isVisible();
  }

  @Test
  void shouldDrawTheDefinitionGraphOfTheImagePipeline() {
    String arn = exampleStateMachineArn;

    page.navigate(base + "/state-machines/" + encode(arn));

    for (String state : List.of("SalvarImagem", "ProcessarImagem", "EnviarNotificacao")) {
      assertThat(page.locator("[data-state-name='" + state + "']")).isVisible();
    }
    assertThat(page.locator("[data-state-name]")).hasCount(3);
    assertThat(page.getByTestId("diagnostics")).hasAttribute("data-result", "OK");
    assertThat(page.getByTestId("executions-table")).containsText("Succeeded");
  }

  @Test
  void shouldFollowARunningWaitLiveUntilItSucceeds() throws Exception {
    page.navigate(base + "/state-machines/" + encode(MACHINE + "WaitFiveSeconds"));
    assertThat(page.locator("[data-state-name='Esperar']")).isVisible();
    String arn = startExecution("WaitFiveSeconds", "wait-live", "{}");

    page.navigate(base + "/executions/" + encode(arn));
    page.evaluate("() => { window.__sameDocument = true; }");
    page.evaluate("""
        () => new MutationObserver(() => {
          const node = document.querySelector("[data-state-name='Esperar']");
          if (node && node.dataset.status === 'SUCCEEDED' && !window.__esperarDoneAt) window.__esperarDoneAt = Date.now();
        }).observe(document.body, {subtree: true, attributes: true, childList: true})""");

    Locator wait = page.locator("[data-state-name='Esperar']");
    assertThat(wait).hasAttribute("data-status", "IN_PROGRESS");
    assertThat(page.locator("[data-state-name='Prepare']")).hasAttribute("data-status", "SUCCEEDED");
    assertThat(page.locator("[data-state-name='Done']")).hasAttribute("data-status", "NOT_STARTED");
    page.screenshot(new Page.ScreenshotOptions().setAnimations(ScreenshotAnimations.DISABLED)
        .setPath(SHOTS.resolve("wait-in-progress.png")));

    assertThat(wait).hasAttribute("data-status", "SUCCEEDED", new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
    assertThat(page.locator("[data-state-name='Done']")).hasAttribute("data-status", "SUCCEEDED");
    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "SUCCEEDED");
    assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);

    long shownAt = ((Number) page.evaluate("() => window.__esperarDoneAt")).longValue();
    long exitedAt = eventTime(arn, "WaitStateExited");
    System.out.printf("ConsoleIT: WaitStateExited shown %d ms after the event%n", shownAt - exitedAt);
    assertThat(shownAt - exitedAt).isLessThan(1_000);
  }

  @Test
  void shouldStartAnExecutionFromTheFormOnceTheInputIsValidJson() {
    page.navigate(base + "/state-machines/" + encode(MACHINE + "AlwaysFails"));
    page.getByTestId("start-execution").click();
    page.getByTestId("start-name").fill("from-the-form");

    page.getByTestId("start-input").fill("{\"valor\": ");
    assertThat(page.getByTestId("input-error")).isVisible();
    assertThat(page.getByTestId("start-submit")).isDisabled();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("start-form-invalid-input.png")));

    page.getByTestId("start-input").fill("{\"valor\": -5}");
    page.getByTestId("start-submit").click();

    page.waitForURL("**/executions/" + encode(MACHINE.replace("stateMachine", "execution") + "AlwaysFails:from-the-form"));
    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "FAILED");
    page.getByTestId("state-graph").locator("[data-state-name='Validate']").click();
    assertThat(page.getByTestId("state-detail")).containsText("-5");
  }

  @Test
  void shouldFilterTheHistoryByTypeAndDownloadItAsJson() throws Exception {
    String arn = startExecution("AlwaysFails", "history-download", "{}");
    page.navigate(base + "/executions/" + encode(arn));
    assertThat(page.locator("[data-event-type]")).hasCount(5);

    page.getByTestId("event-type-filter").selectOption("ExecutionFailed");
    assertThat(page.locator("[data-event-type]")).hasCount(1);

    Download download = page.waitForDownload(() -> page.getByTestId("download-history").click());
    JsonNode saved = JSON.readTree(Files.readString(download.path()));
    assertThat(download.suggestedFilename()).isEqualTo("history-download-history.json");
    assertThat(saved.get("events")).hasSize(5);
    assertThat(saved.get("events").get(4).get("type").asText()).isEqualTo("ExecutionFailed");
  }

  @Test
  void shouldShowTheErrorAndCauseOfAFailedExecution() throws Exception {
    String arn = startExecution("AlwaysFails", "fail-shown", "{\"valor\": -1}");

    page.navigate(base + "/executions/" + encode(arn));

    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "FAILED");
    Locator error = page.getByTestId("execution-error");
    assertThat(error).containsText("Pedido.Invalido");
    assertThat(error).containsText("O campo 'valor' deve ser positivo");
    assertThat(page.locator("[data-state-name='Validate']")).hasAttribute("data-status", "SUCCEEDED");
    assertThat(page.locator("[data-state-name='Reject']")).hasAttribute("data-status", "FAILED");
    assertThat(page.locator("[data-event-type='ExecutionFailed']")).isVisible();

    page.reload();
    assertThat(page.locator("[data-state-name='Reject']")).hasAttribute("data-status", "FAILED");
    page.locator("[data-state-name='Reject']").click();
    assertThat(page.getByTestId("state-detail")).hasAttribute("data-detail-state", "Reject");
    page.getByTestId("detail-tab-error").click();
    assertThat(page.getByTestId("state-detail")).containsText("Pedido.Invalido");
  }

  @Test
  void shouldShowTheExecutionLogsAtTheMachinesLevelAndTheTraceId() throws Exception {
    String definition = "{\"StartAt\": \"Only\", \"States\": {\"Only\": {\"Type\": \"Pass\", \"End\": true}}}";
    ObjectNode logging = JSON.createObjectNode().put("level", "ALL").put("includeExecutionData", true);
    logging.putArray("destinations").addObject().putObject("cloudWatchLogsLogGroup")
        .put("logGroupArn", "arn:aws:logs:us-east-1:123456789012:log-group:console-it:*");
    ObjectNode create = JSON.createObjectNode().put("name", "Logged").put("definition", definition).put("roleArn", ROLE);
    create.set("loggingConfiguration", logging);
    aws("CreateStateMachine", create);
    String trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    String arn = aws("StartExecution", JSON.createObjectNode().put("stateMachineArn", MACHINE + "Logged")
        .put("name", "logged-1").put("input", "{}").put("traceHeader", trace)).get("executionArn").asText();

    page.navigate(base + "/executions/" + encode(arn));

    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "SUCCEEDED");
    assertThat(page.getByTestId("logs")).hasAttribute("data-log-level", "ALL");
    assertThat(page.locator("[data-testid='log-event'][data-event-type='ExecutionStarted']")).hasCount(1);
    assertThat(page.locator("[data-testid='log-event'][data-event-type='ExecutionSucceeded']")).hasCount(1);
    assertThat(page.getByTestId("trace-id")).containsText("5759e988bd862e3fe1be46a994272793");
  }

  @Test
  void shouldDrawParallelBranchesAsGroupsAndMarkACaughtBranchFailure() throws Exception {
    String arn = startExecution("LoanCheck", "loan-caught", "{\"id\": 7}");

    page.navigate(base + "/executions/" + encode(arn));

    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "SUCCEEDED");
    assertThat(page.locator("[data-state-name='Enrich']")).hasAttribute("data-status", "CAUGHT_ERROR");
    assertThat(page.locator("[data-state-name='Geo']")).hasAttribute("data-status", "SUCCEEDED");
    assertThat(page.locator("[data-state-name='Geo']")).hasAttribute("data-parent-state", "Enrich");
    assertThat(page.locator("[data-state-name='Credit']")).hasAttribute("data-status", "FAILED");
    assertThat(page.locator("[data-state-name='Credit']")).hasAttribute("data-parent-state", "Enrich");
    assertThat(page.locator("[data-state-name='Fallback']")).hasAttribute("data-status", "SUCCEEDED");
    assertThat(page.locator("[data-state-name]")).hasCount(6);

    page.locator("[data-state-name='Enrich'] .group-header").click();
    page.getByTestId("detail-tab-error").click();
    assertThat(page.getByTestId("state-detail")).containsText("Credit.Unavailable");
  }

  @Test
  void shouldListExecutionsAcrossStateMachinesByStatusAndNamePrefix() throws Exception {
    startExecution("AlwaysFails", "listed-failure", "{}");

    page.navigate(base + "/executions?status=FAILED");

    assertThat(page.locator("[data-execution-name='listed-failure']")).isVisible();
    assertThat(page.locator("[data-execution-name] [data-execution-status]").first()).hasAttribute("data-execution-status", "FAILED");
    page.getByTestId("name-prefix").fill("listed-");
    assertThat(page.locator("[data-execution-name]")).hasCount(1);
  }

  @Test
  void shouldStopARunningExecutionAfterConfirmation() throws Exception {
    page.navigate(base + "/state-machines/" + encode(MACHINE + "WaitFiveSeconds"));
    assertThat(page.locator("[data-state-name='Esperar']")).isVisible();
    String arn = startExecution("WaitFiveSeconds", "to-stop", "{}");
    page.navigate(base + "/executions/" + encode(arn));
    assertThat(page.locator("[data-state-name='Esperar']")).hasAttribute("data-status", "IN_PROGRESS");

    page.getByTestId("stop").click();
    page.getByTestId("stop-confirm").click();

    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "ABORTED");
    assertThat(page.locator("[data-state-name='Esperar']")).hasAttribute("data-status", "CANCELLED");
    assertThat(page.getByTestId("redrive")).isEnabled();
  }

  @Test
  void shouldRedriveAFailedExecutionAfterConfirmationAndFollowItAgain() throws Exception {
    String arn = startExecution("AlwaysFails", "to-redrive", "{}");
    page.navigate(base + "/executions/" + encode(arn));
    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "FAILED");

    page.getByTestId("redrive").click();
    page.getByTestId("redrive-confirm").click();

    assertThat(page.locator("[data-event-type='ExecutionRedriven']")).isVisible();
    assertThat(page.locator("[data-event-type='ExecutionFailed']")).hasCount(2);
    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "FAILED");
    assertThat(page.locator("[data-state-name='Reject']")).hasAttribute("data-status", "FAILED");
    assertThat(page.getByTestId("redrive-count")).hasText("1");
  }

  @Test
  void shouldCountTheIterationsOfAThousandItemMapAndPageThem() throws Exception {
    StringBuilder items = new StringBuilder("{\"items\": [");
    for (int i = 0; i < 1_000; i++) {
      items.append(i == 0 ? "" : ",").append("{\"n\":").append(i).append('}');
    }
    String arn = startExecution("BigMap", "map-1000", items.append("]}").toString());
    long opened = System.nanoTime();

    page.navigate(base + "/executions/" + encode(arn));

    Locator map = page.locator("[data-state-name='EachItem']");
    LocatorAssertions.HasAttributeOptions patient = new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);
    assertThat(map).hasAttribute("data-iteration-counts", "SUCCEEDED=1000", patient);
    long shownMs = (System.nanoTime() - opened) / 1_000_000;
    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "SUCCEEDED", patient);
    assertThat(map).containsText("1000 succeeded · 0 failed · 0 running");
    Locator echo = page.locator("[data-state-name='Echo']");
    assertThat(echo).hasAttribute("data-iteration-counts", "SUCCEEDED=1000");
    assertThat(echo).hasAttribute("data-parent-state", "EachItem");
    long before = System.nanoTime();
    page.evaluate("() => new Promise((resolve) => requestAnimationFrame(() => resolve(true)))");
    long frameMs = (System.nanoTime() - before) / 1_000_000;
    System.out.printf("ConsoleIT: 1,000-item Map counted %d ms after opening the page; a frame then took %d ms%n",
        shownMs, frameMs);
    assertThat(frameMs).as("the page still answers").isLessThan(1_000);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("map-1000-graph.png")));

    page.locator("[data-state-name='EachItem'] .group-header").click();
    Locator iterations = page.getByTestId("iterations");
    assertThat(iterations).hasAttribute("data-iteration-total", "1000");
    assertThat(iterations.locator("[data-iteration]")).hasCount(50);
    assertThat(iterations.locator("[data-iteration='0']")).hasAttribute("data-status", "SUCCEEDED");
    page.getByTestId("iterations-next").click();
    assertThat(page.getByTestId("iterations-page")).hasText("Page 2 of 20");
    assertThat(iterations.locator("[data-iteration='50']")).isVisible();
    assertThat(iterations.locator("[data-iteration='0']")).hasCount(0);

    echo.click();
    assertThat(page.getByTestId("state-detail")).hasAttribute("data-detail-state", "Echo");
    page.getByTestId("iterations").locator("[data-iteration='7']").click();
    assertThat(page.getByTestId("iteration-run")).containsText("\"n\": 7");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("map-1000-iterations.png")));
  }

  @Test
  void shouldListThePublishedVersionsAndAliasesOfAStateMachine() throws Exception {
    String machine = MACHINE + "Versioned";
    createMachine("Versioned", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}");
    String v1 = aws("PublishStateMachineVersion", JSON.createObjectNode()
        .put("stateMachineArn", machine).put("description", "first cut")).get("stateMachineVersionArn").asText();
    String v2 = aws("UpdateStateMachine", JSON.createObjectNode().put("stateMachineArn", machine)
        .put("definition", "{\"StartAt\": \"B\", \"States\": {\"B\": {\"Type\": \"Succeed\"}}}")
        .put("publish", true).put("versionDescription", "second cut")).get("stateMachineVersionArn").asText();
    ObjectNode alias = JSON.createObjectNode().put("name", "prod").put("description", "canary on 2");
    alias.putArray("routingConfiguration")
        .add(JSON.createObjectNode().put("stateMachineVersionArn", v1).put("weight", 90))
        .add(JSON.createObjectNode().put("stateMachineVersionArn", v2).put("weight", 10));
    aws("CreateStateMachineAlias", alias);

    page.navigate(base + "/state-machines/" + encode(machine));

    assertThat(page.locator("[data-version]")).hasCount(2);
    assertThat(page.locator("[data-version='1']")).containsText("first cut");
    assertThat(page.locator("[data-version='2']")).containsText("second cut");
    Locator prod = page.locator("[data-alias-name='prod']");
    assertThat(prod).hasAttribute("data-routing", "1=90,2=10");
    assertThat(prod).containsText("90%");
    assertThat(prod).containsText("canary on 2");
  }

  private long eventTime(String executionArn, String type) throws Exception {
    JsonNode history = aws("GetExecutionHistory", JSON.createObjectNode().put("executionArn", executionArn));
    for (JsonNode event : history.get("events")) {
      if (event.get("type").asText().equals(type)) {
        return Math.round(event.get("timestamp").asDouble() * 1000);
      }
    }
    throw new AssertionError("no " + type + " in " + history);
  }
}
