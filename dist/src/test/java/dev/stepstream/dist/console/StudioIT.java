package dev.stepstream.dist.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Workflow Studio in a real browser: states dragged from the palette with the mouse (HTML5 drag
 * and drop), edges drawn from handle to handle, saved through CreateStateMachine/UpdateStateMachine
 * and run on dev with the example's workers. Contract: docs/console.md#workflow-studio.
 */
class StudioIT extends StudioHarness {
  StudioIT() {
    super("studioit.");
  }

  @Override
  void prepare() throws Exception {
    createMachine("KeepsUnknownFields", """
        {"Comment": "made by hand", "StartAt": "Salvar", "States": {
          "Salvar": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:SalvarImagem",
            "Retry": [{"ErrorEquals": ["States.ALL"], "Comment": "kept by the studio", "MaxAttempts": 2}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Comment": "catcher note", "Next": "Falhou"}],
            "End": true},
          "Falhou": {"Type": "Fail", "Error": "Imagem.Falhou"}}}""");
  }

  @Test
  void shouldBuildTheImagePipelineByDragAndDropThenSaveAndRunIt() throws Exception {
    page.navigate(base + "/studio");
    assertThat(page.locator("[data-palette-topic='SalvarImagem']")).isVisible();

    dropFromPalette("[data-palette-topic='SalvarImagem']", 200, 80);
    dropFromPalette("[data-palette-topic='ProcessarImagem']", 500, 200);
    dropFromPalette("[data-palette-topic='EnviarNotificacao']", 300, 350);
    assertThat(page.locator("[data-state-name]")).hasCount(3);
    connect("SalvarImagem", "next", "ProcessarImagem");
    connect("ProcessarImagem", "next", "EnviarNotificacao");
    assertThat(page.locator(".react-flow__edge")).hasCount(2);
    assertThat(page.getByTestId("validation-state")).hasAttribute("data-result", "OK");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("studio-image-pipeline.png")));

    save("StudioImagePipeline");
    JsonNode definition = savedDefinition("StudioImagePipeline");
    assertThat(definition.path("StartAt").asText()).isEqualTo("SalvarImagem");
    assertThat(definition.at("/States/SalvarImagem/Next").asText()).isEqualTo("ProcessarImagem");
    assertThat(definition.at("/States/ProcessarImagem/Next").asText()).isEqualTo("EnviarNotificacao");
    assertThat(definition.at("/States/EnviarNotificacao/End").asBoolean()).isTrue();

    run(sampleInput());
    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "SUCCEEDED", LONG);
  }

  @Test
  void shouldBuildAChoiceWithTwoRulesAndADefaultAndAParallelWithTwoBranches() throws Exception {
    page.navigate(base + "/studio");
    dropFromPalette("[data-palette-type='Choice']", 300, 60);
    dropFromPalette("[data-palette-type='Pass']", 120, 250);
    dropFromPalette("[data-palette-type='Pass']", 380, 250);
    dropFromPalette("[data-palette-type='Succeed']", 600, 250);
    connect("Choice", "choice-new", "Pass");
    connect("Choice", "choice-new", "Pass 2");
    connect("Choice", "default", "Succeed");
    assertThat(page.getByTestId("validation-state")).hasAttribute("data-result", "OK");
    page.locator("[data-state-name='Choice']").click();
    assertThat(page.locator("[data-rule]")).hasCount(2);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("studio-choice.png")));
    save("StudioChoice");
    JsonNode choice = savedDefinition("StudioChoice");
    assertThat(choice.at("/States/Choice/Choices")).hasSize(2);
    assertThat(choice.at("/States/Choice/Default").asText()).isEqualTo("Succeed");
    assertValid(choice);
    run("{\"x\": \"\"}");
    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "SUCCEEDED", LONG);

    page.navigate(base + "/studio");
    dropFromPalette("[data-palette-type='Parallel']", 300, 100);
    dropInto("[data-palette-type='Pass']", "/States/Parallel/Branches/0");
    dropInto("[data-palette-type='Wait']", "/States/Parallel/Branches/1");
    assertThat(page.locator("[data-parent-state='Parallel']")).hasCount(2);
    assertThat(page.getByTestId("validation-state")).hasAttribute("data-result", "OK");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("studio-parallel.png")));
    save("StudioParallel");
    JsonNode parallel = savedDefinition("StudioParallel");
    assertThat(parallel.at("/States/Parallel/Branches")).hasSize(2);
    assertThat(parallel.at("/States/Parallel/Branches/1/States/Wait/Type").asText()).isEqualTo("Wait");
    assertValid(parallel);
    run("{}");
    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "SUCCEEDED", LONG);
  }

  @Test
  void shouldKeepFieldsTheFormsDoNotKnowWhenEditingAndSaving() throws Exception {
    page.navigate(base + "/state-machines/" + encode(MACHINE + "KeepsUnknownFields"));
    page.getByTestId("open-studio").click();
    assertThat(page.locator("[data-state-name='Salvar']")).isVisible();

    page.locator("[data-state-name='Salvar']").click();
    Locator name = page.getByTestId("state-name-input");
    name.fill("SalvarFoto");
    name.press("Enter");
    assertThat(page.locator("[data-state-name='SalvarFoto']")).isVisible();
    page.getByTestId("field-TimeoutSeconds").fill("30");
    page.getByTestId("field-TimeoutSeconds").press("Enter");
    assertThat(page.getByTestId("code-view")).containsText("\"TimeoutSeconds\": 30");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("studio-inspector.png")));

    page.locator("[data-action='save']").click();
    page.locator("[data-action='save-confirm']").click();
    assertThat(page.getByTestId("studio")).hasAttribute("data-dirty", "false");

    JsonNode saved = savedDefinition("KeepsUnknownFields");
    assertThat(saved.at("/States/SalvarFoto/TimeoutSeconds").asInt()).isEqualTo(30);
    assertThat(saved.at("/States/SalvarFoto/Retry/0/Comment").asText()).isEqualTo("kept by the studio");
    assertThat(saved.at("/States/SalvarFoto/Catch/0/Comment").asText()).isEqualTo("catcher note");
    assertThat(saved.path("Comment").asText()).isEqualTo("made by hand");
    assertThat(saved.path("StartAt").asText()).isEqualTo("SalvarFoto");
  }

  /** The input of the example's sample execution: an image the example's workers can read. */
  private String sampleInput() throws Exception {
    JsonNode list = aws("ListExecutions", JSON.createObjectNode().put("stateMachineArn", exampleStateMachineArn));
    String arn = list.path("executions").get(0).path("executionArn").asText();
    return aws("DescribeExecution", JSON.createObjectNode().put("executionArn", arn)).path("input").asText();
  }
}
