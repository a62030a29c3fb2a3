package dev.stepstream.dist.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import java.util.regex.Pattern;

/**
 * The Workflow Studio gestures the Studio's browser tests share: palette drops, edges drawn with
 * the mouse, Save and Run through their dialogs, and the saved definition read back.
 */
abstract class StudioHarness extends ConsoleHarness {
  static final LocatorAssertions.HasAttributeOptions LONG =
      new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);

  StudioHarness(String topicPrefix) {
    super(topicPrefix);
  }

  void dropFromPalette(String item, double x, double y) {
    int before = page.locator("[data-state-name]").count();
    page.locator(item).first().dragTo(page.getByTestId("studio-canvas"),
        new Locator.DragToOptions().setTargetPosition(x, y));
    assertThat(page.locator("[data-state-name]")).hasCount(before + 1);
  }

  void dropInto(String item, String scope) {
    assertThat(page.getByTestId("studio-canvas")).hasAttribute("data-settled", "true");
    page.locator(item).first().dragTo(page.locator("[data-drop-scope='" + scope + "']"),
        new Locator.DragToOptions().setTargetPosition(60, 50));
  }

  /** Draws an edge with the mouse from a state's source handle to another state's target handle. */
  void connect(String from, String handle, String to) {
    connect(from, handle, to, page.locator(".react-flow__edge").count() + 1);
  }

  /** Draws an edge; {@code edges} is the edge count after it (the same when a Next is replaced). */
  void connect(String from, String handle, String to, int edges) {
    assertThat(page.getByTestId("studio-canvas")).hasAttribute("data-settled", "true");
    BoundingBox source = page.locator("[data-state-name='" + from + "'] .react-flow__handle[data-handleid='" + handle + "']").boundingBox();
    BoundingBox target = page.locator("[data-state-name='" + to + "'] .react-flow__handle.target").boundingBox();
    page.mouse().move(source.x + source.width / 2, source.y + source.height / 2);
    page.mouse().down();
    page.mouse().move(target.x + target.width / 2, target.y + target.height / 2, new Mouse.MoveOptions().setSteps(12));
    page.mouse().up();
    assertThat(page.locator(".react-flow__edge")).hasCount(edges);
    assertThat(page.getByTestId("studio-canvas")).hasAttribute("data-settled", "true");
  }

  void save(String name) {
    page.locator("[data-action='save']").click();
    page.getByTestId("save-name").fill(name);
    page.locator("[data-action='save-confirm']").click();
    page.waitForURL(Pattern.compile(".*/studio/arn%3Aaws%3Astates.*" + name + "$"));
    assertThat(page.getByTestId("studio-machine")).hasText(name);
  }

  void run(String input) {
    page.locator("[data-action='run']").click();
    page.getByTestId("run-input").fill(input);
    page.locator("[data-action='run-confirm']").click();
    page.waitForURL(Pattern.compile(".*/executions/.*"));
  }

  JsonNode savedDefinition(String name) throws Exception {
    JsonNode machine = aws("DescribeStateMachine", JSON.createObjectNode().put("stateMachineArn", MACHINE + name));
    return JSON.readTree(machine.get("definition").asText());
  }

  void assertValid(JsonNode definition) throws Exception {
    JsonNode result = aws("ValidateStateMachineDefinition", JSON.createObjectNode().put("definition", definition.toString()));
    assertThat(result.path("result").asText()).as(result.toString()).isEqualTo("OK");
  }
}
