package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.compile;
import static dev.stepstream.asl.testing.Definitions.compileStates;

import org.junit.jupiter.api.Test;

class FieldTypeRuleTest {

  @Test
  void shouldRejectValuesOfTheWrongJsonType() {
    assertHas(compileStates("A", "'A':{'Type':'Pass','Comment':1,'End':true}"), "INVALID_TYPE", "/States/A/Comment");
    assertHas(compileStates("A", "'A':{'Type':'Pass','End':'true'}"), "INVALID_TYPE", "/States/A/End");
    assertHas(compileStates("A", "'A':{'Type':'Pass','Next':5}"), "INVALID_TYPE", "/States/A/Next");
    assertHas(compileStates("A", "'A':{'Type':'Pass','InputPath':5,'End':true}"), "INVALID_TYPE", "/States/A/InputPath");
    assertHas(compileStates("A", "'A':{'Type':'Pass','Parameters':'x','End':true}"), "INVALID_TYPE", "/States/A/Parameters");
    assertHas(compileStates("A", "'A':{'Type':'Task','Resource':'arn:aws:states:::a:b','Retry':{},'End':true}"),
        "INVALID_TYPE", "/States/A/Retry");
    assertHas(compileStates("A", "'A':{'Type':'Task','Resource':'arn:aws:states:::a:b','TimeoutSeconds':'5','End':true}"),
        "INVALID_TYPE", "/States/A/TimeoutSeconds");
    assertHas(compileStates("A", "'A':{'Type':'Wait','Seconds':1.5,'End':true}"), "INVALID_TYPE", "/States/A/Seconds");
  }

  @Test
  void shouldAcceptJsonataExpressionsOnlyInJsonataMode() {
    assertHas(compileStates("A", "'A':{'Type':'Wait','Seconds':'{% 5 %}','End':true}"), "INVALID_TYPE", "/States/A/Seconds");
    assertHas(compile("{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Wait','Seconds':'5','End':true}}}"),
        "INVALID_TYPE", "/States/A/Seconds");
  }
}
