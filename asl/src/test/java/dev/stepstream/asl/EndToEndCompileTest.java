package dev.stepstream.asl;

import static dev.stepstream.asl.testing.Definitions.codesAndPointers;
import static dev.stepstream.asl.testing.Definitions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepstream.asl.diag.Diagnostic;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.asl.model.Choice;
import dev.stepstream.asl.model.ChoiceState;
import dev.stepstream.asl.model.JsonPathFlow;
import dev.stepstream.asl.model.ResourceKind;
import dev.stepstream.asl.model.StateMachine;
import dev.stepstream.asl.model.TaskState;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Asl.compile with the real expression compiler (JSONPath, intrinsics and JSONata). */
class EndToEndCompileTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ValidationResult compile(String singleQuoted) {
    return Asl.compile(json(singleQuoted));
  }

  private static EvalContext input(String singleQuotedJson) throws Exception {
    return EvalContext.of(MAPPER.readTree(json(singleQuotedJson)), MAPPER.createObjectNode(), Map.of(), RandomSource.seeded(7));
  }

  private static Optional<String> firstMatch(ChoiceState state, EvalContext ctx) {
    return state.choices().stream().filter(c -> c.rule().matches(ctx)).map(Choice::next).findFirst();
  }

  @Test
  void shouldCompileAnImageWorkflowWithPlaceholderArns() throws Exception {
    ValidationResult result = compile("{'Comment':'Processa imagens','StartAt':'Salvar','States':{"
        + "'Salvar':{'Type':'Task','Resource':'arn:aws:lambda:REGIAO:ID:function:SalvarImagem','InputPath':'$.imagem',"
        + "'Parameters':{'nome.$':'$.nome','id.$':'States.UUID()'},'ResultPath':'$.salvo','Retry':[{'ErrorEquals':['States.ALL']}],"
        + "'Next':'Tamanho'},"
        + "'Tamanho':{'Type':'Choice','Choices':[{'Variable':'$.salvo.bytes','NumericGreaterThan':1048576,'Next':'Grande'}],"
        + "'Default':'Pronto'},"
        + "'Grande':{'Type':'Fail','Error':'ImagemGrande','Cause':'Imagem acima de 1 MiB'},"
        + "'Pronto':{'Type':'Succeed'}}}");

    assertThat(result.diagnostics()).isEmpty();
    StateMachine machine = result.stateMachine().orElseThrow();
    TaskState salvar = (TaskState) machine.states().get("Salvar");
    assertThat(salvar.resource().kind()).isEqualTo(ResourceKind.LAMBDA_FUNCTION);
    assertThat(salvar.resource().shortName()).isEqualTo("SalvarImagem");
    JsonPathFlow flow = (JsonPathFlow) salvar.flow();
    JsonNode effective = flow.inputPath().evaluate(input("{'imagem':{'nome':'a.png'}}"));
    assertThat(effective.path("nome").asText()).isEqualTo("a.png");
    ChoiceState tamanho = (ChoiceState) machine.states().get("Tamanho");
    assertThat(firstMatch(tamanho, input("{'salvo':{'bytes':2000000}}"))).contains("Grande");
    assertThat(firstMatch(tamanho, input("{'salvo':{'bytes':10}}"))).isEmpty();
  }

  @Test
  void shouldEvaluateTheAwsChoiceExampleWithTheRealPaths() throws Exception {
    ValidationResult result = compile("{'StartAt':'ChoiceStateX','States':{'ChoiceStateX':{'Type':'Choice','Choices':["
        + "{'Not':{'Variable':'$.type','StringEquals':'Private'},'Next':'Public'},"
        + "{'Variable':'$.value','NumericEquals':0,'Next':'ValueIsZero'},"
        + "{'And':[{'Variable':'$.value','NumericGreaterThanEquals':20},{'Variable':'$.value','NumericLessThan':30}],"
        + "'Next':'ValueInTwenties'}],'Default':'DefaultState'},"
        + "'Public':{'Type':'Succeed'},'ValueIsZero':{'Type':'Succeed'},'ValueInTwenties':{'Type':'Succeed'},"
        + "'DefaultState':{'Type':'Fail','Cause':'No Matches!'}}}");

    ChoiceState choice = (ChoiceState) result.stateMachine().orElseThrow().states().get("ChoiceStateX");
    assertThat(firstMatch(choice, input("{'type':'Private','value':22}"))).contains("ValueInTwenties");
    assertThat(firstMatch(choice, input("{'type':'Public','value':22}"))).contains("Public");
    assertThatThrownBy(() -> firstMatch(choice, input("{'value':22}")))
        .isInstanceOfSatisfying(AslException.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
  }

  @Test
  void shouldEvaluateAJsonataCondition() throws Exception {
    ValidationResult result = compile("{'QueryLanguage':'JSONata','StartAt':'C','States':{'C':{'Type':'Choice',"
        + "'Choices':[{'Condition':'{% $states.input.n > 1 %}','Next':'Big'}],'Default':'Small'},"
        + "'Big':{'Type':'Succeed'},'Small':{'Type':'Succeed'}}}");

    ChoiceState choice = (ChoiceState) result.stateMachine().orElseThrow().states().get("C");
    assertThat(firstMatch(choice, input("{'n':5}"))).contains("Big");
    assertThat(firstMatch(choice, input("{'n':0}"))).isEmpty();
  }

  @Test
  void shouldLocateRealExpressionErrors() {
    ValidationResult result = compile("{'StartAt':'P','States':{"
        + "'P':{'Type':'Pass','InputPath':'$.a[','Parameters':{'x.$':'States.Format(','ok':1},'Next':'J'},"
        + "'J':{'Type':'Pass','QueryLanguage':'JSONata','Output':'{% $states.input.( %}','End':true}}}");

    assertThat(codesAndPointers(result)).containsExactly(
        "INVALID_JSONATA /States/J/Output",
        "INVALID_JSON_PATH /States/P/InputPath",
        "INVALID_INTRINSIC /States/P/Parameters/x.$");
    assertThat(result.diagnostics()).extracting(Diagnostic::message).allSatisfy(m -> assertThat(m).isNotBlank());
  }

  @Test
  void shouldCompileTheJsonNodeOverloadWithTheRealCompiler() throws Exception {
    JsonNode tree = MAPPER.readTree(json("{'StartAt':'A','States':{'A':{'Type':'Pass','Result':{'x':1},'ResultPath':'$.r','End':true}}}"));

    assertThat(Asl.compile(tree).isValid()).isTrue();
  }
}
