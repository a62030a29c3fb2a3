package dev.stepstream.dist.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Editing in Workflow Studio with real mouse and keyboard input: the code view and the canvas
 * kept in step both ways, live validation and Save blocked on errors, undo/redo, keyboard delete,
 * a Catch edge, a state moved into a Parallel branch, and TestState on Pass and Choice states.
 * Contract: docs/console.md#workflow-studio.
 */
class StudioEditingIT extends StudioHarness {
  private static final String TYPED = "{\"Comment\": \"typed\", \"StartAt\": \"Hello\", \"States\": {"
      + "\"Hello\": {\"Type\": \"Pass\", \"Next\": \"Done\"}, \"Done\": {\"Type\": \"Succeed\"}}}";

  StudioEditingIT() {
    super("studioedit.");
  }

  @Test
  void shouldShowTextTypedInTheCodeViewOnTheCanvasAndACanvasEditInTheCodeView() throws Exception {
    page.navigate(base + "/studio");
    Locator code = page.getByTestId("studio-code");
    code.locator(".cm-content").click();
    page.keyboard().press("Control+a");
    page.keyboard().insertText(TYPED);
    assertThat(page.locator("[data-state-name='Hello']")).isVisible();
    assertThat(page.locator("[data-state-name='Done']")).isVisible();
    assertThat(page.locator("[data-state-name]")).hasCount(2);
    assertThat(page.locator(".react-flow__edge")).hasCount(1);

    dropFromPalette("[data-palette-type='Wait']", 600, 120);
    assertThat(code).containsText("\"Wait\": {");
    connect("Wait", "next", "Done");
    connect("Hello", "next", "Wait", 2);
    assertThat(code).containsText("\"Next\": \"Wait\"");
    assertThat(page.getByTestId("validation-state")).hasAttribute("data-result", "OK");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("studio-code-and-canvas.png")));

    save("StudioTyped");
    JsonNode saved = savedDefinition("StudioTyped");
    assertThat(saved.path("Comment").asText()).isEqualTo("typed");
    assertThat(saved.at("/States/Hello/Next").asText()).isEqualTo("Wait");
    assertThat(saved.at("/States/Wait/Next").asText()).isEqualTo("Done");
    assertThat(saved.at("/States/Done/Type").asText()).isEqualTo("Succeed");
  }

  @Test
  void shouldMarkTheNodeAndFieldOfAnErrorAndBlockSaveUntilItIsFixed() throws Exception {
    page.navigate(base + "/studio");
    dropFromPalette("[data-palette-topic='SalvarImagem']", 300, 120);
    assertThat(page.getByTestId("validation-state")).hasAttribute("data-result", "OK");
    page.locator("[data-state-name='SalvarImagem']").click();
    typeInto(page.getByTestId("field-TimeoutSeconds"), "0");
    page.keyboard().press("Enter");

    assertThat(page.getByTestId("validation-state")).hasAttribute("data-result", "FAIL");
    assertThat(page.locator("[data-state-name='SalvarImagem']")).hasAttribute("data-diagnostics", "1");
    Locator field = page.locator("[data-field='/States/SalvarImagem/TimeoutSeconds']");
    assertThat(field).hasAttribute("data-field-error", Pattern.compile(".+"));
    assertThat(field).containsText("TimeoutSeconds must be a positive integer");

    page.locator("[data-action='save']").click();
    assertThat(page.locator("[data-action='save']")).hasAttribute("data-blocked", "true");
    assertThat(page.getByTestId("studio-diagnostics").getByRole(AriaRole.ALERT))
        .containsText("Cannot save");
    assertThat(page.getByTestId("studio-diagnostics").locator("li.diagnostic"))
        .containsText("/States/SalvarImagem/TimeoutSeconds");
    assertThat(page.getByTestId("save-name")).hasCount(0);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("studio-save-blocked.png")));

    typeInto(page.getByTestId("field-TimeoutSeconds"), "30");
    page.keyboard().press("Enter");
    assertThat(page.getByTestId("validation-state")).hasAttribute("data-result", "OK");
    assertThat(page.locator("[data-state-name='SalvarImagem']")).not().hasAttribute("data-diagnostics", "1");
    save("StudioFixed");
    assertThat(savedDefinition("StudioFixed").at("/States/SalvarImagem/TimeoutSeconds").asInt()).isEqualTo(30);
  }

  @Test
  void shouldDeleteAStateWithTheKeyboardAndUndoAndRedoWithCtrlZAndTheButtons() throws Exception {
    page.navigate(base + "/studio");
    dropFromPalette("[data-palette-type='Pass']", 200, 100);
    dropFromPalette("[data-palette-type='Pass']", 500, 300);
    connect("Pass", "next", "Pass 2");
    Locator states = page.locator("[data-state-name]");

    page.locator("[data-state-name='Pass 2']").click();
    page.keyboard().press("Delete");
    assertThat(states).hasCount(1);
    assertThat(page.getByTestId("studio-code")).containsText("\"End\": true");
    page.keyboard().press("Control+z");
    assertThat(states).hasCount(2);
    assertThat(page.getByTestId("studio-code")).containsText("\"Next\": \"Pass 2\"");
    page.keyboard().press("Control+Shift+z");
    assertThat(states).hasCount(1);
    page.locator("[data-action='undo']").click();
    assertThat(states).hasCount(2);
    page.locator("[data-action='redo']").click();
    assertThat(states).hasCount(1);
    page.locator("[data-action='undo']").click();
    assertThat(states).hasCount(2);

    save("StudioUndo");
    JsonNode saved = savedDefinition("StudioUndo");
    assertThat(saved.at("/States/Pass/Next").asText()).isEqualTo("Pass 2");
    assertThat(saved.at("/States/Pass 2/End").asBoolean()).isTrue();
  }

  @Test
  void shouldDrawACatchEdgeAndMoveAStateIntoAParallelBranch() throws Exception {
    page.navigate(base + "/studio");
    dropFromPalette("[data-palette-topic='SalvarImagem']", 200, 60);
    dropFromPalette("[data-palette-type='Fail']", 600, 120);
    dropFromPalette("[data-palette-type='Parallel']", 250, 300);
    connect("SalvarImagem", "next", "Parallel");
    connect("SalvarImagem", "catch", "Fail");
    assertThat(page.getByTestId("studio-code")).containsText("\"Catch\": [");
    dropInto("[data-palette-type='Wait']", "/States/Parallel/Branches/1");
    assertThat(page.locator("[data-parent-state='Parallel']")).hasCount(1);
    dropFromPalette("[data-palette-type='Pass']", 700, 400);

    dragState("Pass", page.locator("[data-drop-scope='/States/Parallel/Branches/0']"));
    assertThat(page.locator("[data-parent-state='Parallel']")).hasCount(2);
    assertThat(page.locator("[data-state-name='Pass']")).hasAttribute("data-parent-state", "Parallel");
    assertThat(page.getByTestId("validation-state")).hasAttribute("data-result", "OK");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("studio-catch-and-move.png")));

    save("StudioCatchMove");
    JsonNode saved = savedDefinition("StudioCatchMove");
    assertThat(saved.at("/States/SalvarImagem/Catch/0/ErrorEquals/0").asText()).isEqualTo("States.ALL");
    assertThat(saved.at("/States/SalvarImagem/Catch/0/Next").asText()).isEqualTo("Fail");
    assertThat(saved.at("/States/Parallel/Branches/0/StartAt").asText()).isEqualTo("Pass");
    assertThat(saved.at("/States/Parallel/Branches/0/States/Pass/Type").asText()).isEqualTo("Pass");
    assertThat(saved.at("/States/Pass").isMissingNode()).isTrue();
    assertValid(saved);
  }

  @Test
  void shouldTestAPassAndAChoiceStateWithTypedInput() throws Exception {
    page.navigate(base + "/studio");
    dropFromPalette("[data-palette-type='Choice']", 300, 60);
    dropFromPalette("[data-palette-type='Pass']", 150, 250);
    dropFromPalette("[data-palette-type='Succeed']", 500, 250);
    connect("Choice", "choice-new", "Pass");
    connect("Choice", "default", "Succeed");

    Locator result = testState("Pass", "{\"a\": 1}");
    assertThat(result).hasAttribute("data-status", "SUCCEEDED");
    assertThat(result).containsText("\"a\": 1");
    page.keyboard().press("Escape");
    assertThat(page.getByTestId("test-state-input")).hasCount(0);

    result = testState("Choice", "{\"x\": \"\"}");
    assertThat(result).hasAttribute("data-status", "SUCCEEDED");
    assertThat(result).containsText("next state Pass");
    typeInto(page.getByTestId("test-state-input"), "{\"x\": \"other\"}");
    page.locator("[data-action='test-state-run']").click();
    assertThat(result).containsText("next state Succeed");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("studio-test-state.png")));
  }

  private Locator testState(String state, String input) {
    page.locator("[data-state-name='" + state + "']").click();
    page.locator("[data-action='test-state']").click();
    typeInto(page.getByTestId("test-state-input"), input);
    page.locator("[data-action='test-state-run']").click();
    return page.getByTestId("test-state-result");
  }

  /** Selects a field's text with the keyboard and types over it. */
  private void typeInto(Locator field, String text) {
    field.click();
    page.keyboard().press("Control+a");
    page.keyboard().type(text);
  }

  /** Drags a state node with the mouse and drops it on the centre of a target. */
  private void dragState(String name, Locator target) {
    assertThat(page.getByTestId("studio-canvas")).hasAttribute("data-settled", "true");
    BoundingBox from = page.locator("[data-state-name='" + name + "']").boundingBox();
    BoundingBox to = target.boundingBox();
    page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
    page.mouse().down();
    page.mouse().move(to.x + to.width / 2, to.y + to.height / 2, new Mouse.MoveOptions().setSteps(15));
    page.mouse().up();
  }
}
