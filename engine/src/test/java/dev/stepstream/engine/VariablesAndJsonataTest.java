package dev.stepstream.engine;

import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VariablesAndJsonataTest {
  static final String LAMBDA = "arn:aws:lambda:us-east-1:1:function:Work";

  @Test
  void shouldEvaluateAllAssignmentsWithValuesFromBeforeTheState() {
    TestDriver d = new TestDriver("""
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Assign":{"x":1,"y":2},"Next":"B"},
          "B":{"Type":"Pass","Assign":{"x.$":"$y","y.$":"$x"},"Next":"C"},
          "C":{"Type":"Pass","Parameters":{"x.$":"$x","y.$":"$y"},"End":true}}}""").start("{}");
    assertThat(d.output()).isEqualTo(json("{\"x\":2,\"y\":1}"));
  }

  @Test
  void shouldLetParallelBranchesReadOuterVariablesButKeepTheirOwnAssignmentsInside() {
    TestDriver d = new TestDriver("""
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Assign":{"outer":"o"},"Next":"P"},
          "P":{"Type":"Parallel","Next":"Check","Branches":[
            {"StartAt":"B1","States":{"B1":{"Type":"Pass","Assign":{"inner":"i"},"Next":"B2"},
              "B2":{"Type":"Pass","Parameters":{"o.$":"$outer","i.$":"$inner"},"End":true}}}]},
          "Check":{"Type":"Pass","Parameters":{"o.$":"$outer","r.$":"$"},"End":true}}}""").start("{}");
    assertThat(d.output()).isEqualTo(json("{\"o\":\"o\",\"r\":[{\"o\":\"o\",\"i\":\"i\"}]}"));
  }

  @Test
  void shouldUseJsonataArgumentsOutputAndAssignOnTaskResult() {
    TestDriver d = new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%s","Arguments":{"n":"{%% $states.input.n + 1 %%}"},
            "Assign":{"seen":"{%% $states.result.v %%}"},"Output":{"out":"{%% $states.result.v * 10 %%}"},"Next":"U"},
          "U":{"Type":"Pass","Output":{"seen":"{%% $seen %%}","prev":"{%% $states.input %%}"},"End":true}}}"""
        .formatted(LAMBDA)).start("{\"n\":1}");
    assertThat(d.lastTask().input()).isEqualTo(json("{\"n\":2}"));
    d.succeedTask("{\"v\":3}");
    assertThat(d.output()).isEqualTo(json("{\"seen\":3,\"prev\":{\"out\":30}}"));
  }

  @Test
  void shouldExposeErrorOutputToJsonataCatcher() {
    TestDriver d = new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%s","Catch":[{"ErrorEquals":["States.ALL"],"Next":"H",
            "Output":{"e":"{%% $states.errorOutput.Error %%}"},"Assign":{"c":"{%% $states.errorOutput.Cause %%}"}}],"End":true},
          "H":{"Type":"Pass","Output":{"e":"{%% $states.input.e %%}","c":"{%% $c %%}"},"End":true}}}"""
        .formatted(LAMBDA)).start("{}");
    d.failTask("Oops", "{\"errorMessage\":\"why\",\"errorType\":\"Oops\"}");
    // A Lambda function's own error document is its cause, as written.
    assertThat(d.output()).isEqualTo(json("{\"e\":\"Oops\",\"c\":\"{\\\"errorMessage\\\":\\\"why\\\",\\\"errorType\\\":\\\"Oops\\\"}\"}"));
  }

  @Test
  void shouldFailJsonataStateWithExpressionError() {
    TestDriver d = new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"F","States":{
          "F":{"Type":"Fail","Error":"{% 'E' & $states.input.code %}","Cause":"{% $states.input.msg %}"}}}""")
        .start("{\"code\":\"42\",\"msg\":\"m\"}");
    assertThat(d.state.error()).contains("E42");
    assertThat(d.state.cause()).contains("m");
  }

  @Test
  void shouldChooseWithJsonataConditionAndRuleOutput() {
    TestDriver d = new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.x > 1 %}","Next":"Big","Output":{"big":true}}],
            "Default":"Small"},
          "Big":{"Type":"Pass","End":true},"Small":{"Type":"Pass","End":true}}}""").start("{\"x\":5}");
    assertThat(d.output()).isEqualTo(json("{\"big\":true}"));
  }
}
