package dev.stepstream.asl.parse;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compile;
import static dev.stepstream.asl.testing.Definitions.compileStates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.choice.ChoiceRule;
import dev.stepstream.asl.choice.Comparison;
import dev.stepstream.asl.choice.JsonataCondition;
import dev.stepstream.asl.choice.Operator;
import dev.stepstream.asl.model.ChoiceState;
import dev.stepstream.asl.model.DynamicValue;
import dev.stepstream.asl.model.FailState;
import dev.stepstream.asl.model.IntegrationPattern;
import dev.stepstream.asl.model.JitterStrategy;
import dev.stepstream.asl.model.JsonPathFlow;
import dev.stepstream.asl.model.JsonataFlow;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.ParallelState;
import dev.stepstream.asl.model.PassState;
import dev.stepstream.asl.model.ProcessorMode;
import dev.stepstream.asl.model.QueryLanguage;
import dev.stepstream.asl.model.ResourceKind;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.TaskState;
import dev.stepstream.asl.model.Transition;
import dev.stepstream.asl.model.WaitFor;
import dev.stepstream.asl.model.WaitState;
import org.junit.jupiter.api.Test;

class DefinitionParserTest {

  private static State only(ValidationResult result, String name) {
    assertValid(result);
    return result.stateMachine().orElseThrow().states().get(name);
  }

  @Test
  void shouldCompileTheUsersPlaceholderLambdaArnAndMakeDefaultsExplicit() {
    TaskState task = (TaskState) only(compileStates("Salvar",
        "'Salvar':{'Type':'Task','Resource':'arn:aws:lambda:REGIAO:ID:function:SalvarImagem','End':true}"), "Salvar");

    assertThat(task.resource().kind()).isEqualTo(ResourceKind.LAMBDA_FUNCTION);
    assertThat(task.resource().shortName()).isEqualTo("SalvarImagem");
    assertThat(task.resource().pattern()).isEqualTo(IntegrationPattern.REQUEST_RESPONSE);
    assertThat(task.timeoutSeconds()).isEqualTo(DynamicValue.fixed(com.fasterxml.jackson.databind.node.LongNode.valueOf(99_999_999L)));
    assertThat(task.heartbeatSeconds()).isEmpty();
    assertThat(task.next()).isEqualTo(Transition.END);
    assertThat(task.terminal()).isTrue();
    JsonPathFlow flow = (JsonPathFlow) task.flow();
    assertThat(flow.inputPath().text()).isEqualTo("$");
    assertThat(flow.resultPath().text()).isEqualTo("$");
    assertThat(flow.outputPath().text()).isEqualTo("$");
    assertThat(flow.parameters()).isEmpty();
  }

  @Test
  void shouldKeepExplicitNullPathsDistinctFromAbsentOnes() {
    PassState pass = (PassState) only(compileStates("P",
        "'P':{'Type':'Pass','InputPath':null,'ResultPath':null,'OutputPath':null,'Result':{'a':1},'End':true}"), "P");

    JsonPathFlow flow = (JsonPathFlow) pass.flow();
    assertThat(flow.inputPath()).isNull();
    assertThat(flow.resultPath()).isNull();
    assertThat(flow.outputPath()).isNull();
    assertThat(pass.result()).hasValueSatisfying(r -> assertThat(r.path("a").asInt()).isEqualTo(1));
  }

  @Test
  void shouldApplyRetrierAndCatcherDefaults() {
    TaskState task = (TaskState) only(compileStates("T",
        "'T':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken','HeartbeatSecondsPath':'$.hb',"
            + "'Parameters':{'QueueUrl':'q','MessageBody':'m'},"
            + "'Retry':[{'ErrorEquals':['States.Timeout']},{'ErrorEquals':['States.ALL'],'IntervalSeconds':3,'MaxAttempts':0,"
            + "'BackoffRate':1.5,'MaxDelaySeconds':10,'JitterStrategy':'FULL'}],"
            + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'F'}],'Next':'F'},'F':{'Type':'Fail'}"), "T");

    assertThat(task.resource().pattern()).isEqualTo(IntegrationPattern.WAIT_FOR_TASK_TOKEN);
    assertThat(task.heartbeatSeconds()).containsInstanceOf(DynamicValue.FromPath.class);
    assertThat(task.retry().get(0)).satisfies(r -> {
      assertThat(r.intervalSeconds()).isEqualTo(1);
      assertThat(r.maxAttempts()).isEqualTo(3);
      assertThat(r.backoffRate()).isEqualTo(2.0);
      assertThat(r.maxDelaySeconds()).isEmpty();
      assertThat(r.jitterStrategy()).isEqualTo(JitterStrategy.NONE);
    });
    assertThat(task.retry().get(1)).satisfies(r -> {
      assertThat(r.intervalSeconds()).isEqualTo(3);
      assertThat(r.maxAttempts()).isZero();
      assertThat(r.backoffRate()).isEqualTo(1.5);
      assertThat(r.maxDelaySeconds()).hasValue(10);
      assertThat(r.jitterStrategy()).isEqualTo(JitterStrategy.FULL);
    });
    assertThat(task.catchers()).singleElement().satisfies(c -> {
      assertThat(c.next()).isEqualTo("F");
      assertThat(c.resultPath().text()).isEqualTo("$");
    });
  }

  @Test
  void shouldLocateAPathErrorAtTheFieldPointer() {
    assertHas(compileStates("P", "'P':{'Type':'Pass','InputPath':'nope','End':true}"), "INVALID_JSON_PATH", "/States/P/InputPath");
  }

  @Test
  void shouldLocateATemplateErrorAtTheFieldPointerPlusTheRelativePointer() {
    ValidationResult result = compileStates("P", "'P':{'Type':'Pass','Parameters':{'a.$':'nope','b':'ok'},'End':true}");

    assertHas(result, "INVALID_JSON_PATH", "/States/P/Parameters/a.$");
  }

  @Test
  void shouldLocateAJsonataErrorAtTheFieldPointer() {
    ValidationResult result = compile("{'QueryLanguage':'JSONata','StartAt':'P','States':{'P':{'Type':'Pass','Output':'{% !! %}','End':true}}}");

    assertHas(result, "INVALID_JSONATA", "/States/P/Output");
  }

  @Test
  void shouldReportEveryExpressionErrorAtOnce() {
    ValidationResult result = compileStates("P",
        "'P':{'Type':'Pass','InputPath':'x','OutputPath':'y','Next':'Q'},'Q':{'Type':'Pass','ResultPath':'z','End':true}");

    assertHas(result, "INVALID_JSON_PATH", "/States/P/InputPath");
    assertHas(result, "INVALID_JSON_PATH", "/States/P/OutputPath");
    assertHas(result, "INVALID_JSON_PATH", "/States/Q/ResultPath");
  }

  @Test
  void shouldCompileChoiceRulesWithTheirNextAndDefault() {
    ChoiceState choice = (ChoiceState) only(compileStates("C",
        "'C':{'Type':'Choice','Choices':[{'Not':{'Variable':'$.type','StringEquals':'Private'},'Next':'S'},"
            + "{'And':[{'Variable':'$.value','NumericGreaterThanEquals':20},{'Variable':'$.value','NumericLessThanPath':'$.max'}],"
            + "'Next':'S'}],'Default':'S'},'S':{'Type':'Succeed'}"), "C");

    assertThat(choice.defaultState()).contains("S");
    assertThat(choice.choices()).hasSize(2);
    assertThat(choice.choices().get(0).rule()).isInstanceOf(ChoiceRule.Not.class);
    ChoiceRule.And and = (ChoiceRule.And) choice.choices().get(1).rule();
    Comparison second = (Comparison) and.rules().get(1);
    assertThat(second.operator()).isEqualTo(Operator.NUMERIC_LESS_THAN_PATH);
    assertThat(second.operandPath().orElseThrow().text()).isEqualTo("$.max");
  }

  @Test
  void shouldCompileJsonataStatesWithTheirOwnFlow() {
    ValidationResult result = compile("{'QueryLanguage':'JSONata','StartAt':'C','States':{"
        + "'C':{'Type':'Choice','Choices':[{'Condition':'{% true %}','Next':'W','Output':{'x':1}}],'Default':'W'},"
        + "'W':{'Type':'Wait','Seconds':'{% $states.input.s %}','Next':'F'},"
        + "'F':{'Type':'Fail','Error':'Oops','Cause':'{% $c %}'}}}");

    assertValid(result);
    var states = result.stateMachine().orElseThrow().states();
    ChoiceState choice = (ChoiceState) states.get("C");
    assertThat(choice.queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
    assertThat(choice.flow()).isInstanceOf(JsonataFlow.class);
    assertThat(choice.choices().get(0).rule()).isInstanceOf(JsonataCondition.class);
    assertThat(choice.choices().get(0).output()).isPresent();
    WaitState wait = (WaitState) states.get("W");
    assertThat(((WaitFor.Seconds) wait.waitFor()).seconds()).isInstanceOf(DynamicValue.Computed.class);
    FailState fail = (FailState) states.get("F");
    assertThat(fail.error()).containsInstanceOf(DynamicValue.Fixed.class);
    assertThat(fail.cause()).containsInstanceOf(DynamicValue.Computed.class);
  }

  @Test
  void shouldGiveEachStateItsEffectiveQueryLanguage() {
    ValidationResult result = compileStates("A",
        "'A':{'Type':'Pass','QueryLanguage':'JSONata','Output':'{% 1 %}','Next':'B'},'B':{'Type':'Pass','End':true}");

    assertValid(result);
    var states = result.stateMachine().orElseThrow().states();
    assertThat(states.get("A").queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
    assertThat(states.get("B").queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
  }

  @Test
  void shouldCompileWaitAndFailPathVariants() {
    ValidationResult result = compileStates("W",
        "'W':{'Type':'Wait','TimestampPath':'$.when','Next':'F'},'F':{'Type':'Fail','ErrorPath':'$.e','Cause':'c'}");

    assertValid(result);
    var states = result.stateMachine().orElseThrow().states();
    WaitFor waitFor = ((WaitState) states.get("W")).waitFor();
    assertThat(waitFor).isInstanceOf(WaitFor.Timestamp.class);
    assertThat(((WaitFor.Timestamp) waitFor).timestamp()).isInstanceOf(DynamicValue.FromPath.class);
    FailState fail = (FailState) states.get("F");
    assertThat(fail.error()).containsInstanceOf(DynamicValue.FromPath.class);
    assertThat(fail.cause()).contains(DynamicValue.fixed(com.fasterxml.jackson.databind.node.TextNode.valueOf("c")));
  }

  @Test
  void shouldCompileParallelBranchesAndDistributedMaps() {
    ValidationResult result = compileStates("P",
        "'P':{'Type':'Parallel','Branches':[{'StartAt':'B1','States':{'B1':{'Type':'Succeed'}}},"
            + "{'StartAt':'B2','States':{'B2':{'Type':'Pass','End':true}}}],'Next':'M'},"
            + "'M':{'Type':'Map','ItemsPath':'$.items','ItemSelector':{'v.$':'$$.Map.Item.Value'},'MaxConcurrency':5,"
            + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject'},'ToleratedFailurePercentage':10,'Label':'L',"
            + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},"
            + "'StartAt':'X','States':{'X':{'Type':'Succeed'}}},'End':true}");

    assertValid(result);
    var states = result.stateMachine().orElseThrow().states();
    ParallelState parallel = (ParallelState) states.get("P");
    assertThat(parallel.branches()).extracting(b -> b.startAt()).containsExactly("B1", "B2");
    MapState map = (MapState) states.get("M");
    assertThat(map.itemProcessor().mode()).isEqualTo(ProcessorMode.DISTRIBUTED);
    assertThat(map.itemProcessor().executionType()).contains("EXPRESS");
    assertThat(map.itemProcessor().graph().states()).containsKey("X");
    assertThat(map.items()).hasValueSatisfying(i -> assertThat(((DynamicValue.FromPath) i).path().text()).isEqualTo("$.items"));
    assertThat(map.itemSelector()).isPresent();
    assertThat(map.maxConcurrency()).isPresent();
    assertThat(map.distributed().itemReader()).isPresent();
    assertThat(map.distributed().toleratedFailurePercentage()).isPresent();
    assertThat(map.distributed().label()).contains("L");
  }

  @Test
  void shouldDefaultItemsPathToTheWholeInputForInlineMaps() {
    MapState map = (MapState) only(compileStates("M",
        "'M':{'Type':'Map','ItemProcessor':{'StartAt':'X','States':{'X':{'Type':'Succeed'}}},'End':true}"), "M");

    assertThat(map.itemProcessor().mode()).isEqualTo(ProcessorMode.INLINE);
    assertThat(map.items()).hasValueSatisfying(i -> assertThat(((DynamicValue.FromPath) i).path().text()).isEqualTo("$"));
    assertThat(map.distributed().itemReader()).isEmpty();
  }

  @Test
  void shouldLocateErrorsInsideNestedScopes() {
    ValidationResult result = compileStates("M",
        "'M':{'Type':'Map','ItemProcessor':{'StartAt':'X','States':{'X':{'Type':'Pass','InputPath':'bad','End':true}}},'End':true}");

    assertHas(result, "INVALID_JSON_PATH", "/States/M/ItemProcessor/States/X/InputPath");
  }
}
