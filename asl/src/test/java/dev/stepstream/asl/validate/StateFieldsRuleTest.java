package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compile;
import static dev.stepstream.asl.testing.Definitions.compileStates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateFieldsRuleTest {

  @Test
  void shouldRequireAKnownType() {
    assertHas(compileStates("A", "'A':{'End':true}"), "MISSING_REQUIRED_FIELD", "/States/A");
    assertHas(compileStates("A", "'A':{'Type':'Lambda','End':true}"), "INVALID_VALUE", "/States/A/Type");
    assertHas(compileStates("A", "'A':{'Type':'succeed'}"), "INVALID_VALUE", "/States/A/Type");
  }

  @Test
  void shouldRejectFieldsTheTypeDoesNotSupport() {
    assertHas(compileStates("A", "'A':{'Type':'Succeed','Next':'A'}"), "UNKNOWN_FIELD", "/States/A/Next");
    assertHas(compileStates("A", "'A':{'Type':'Fail','End':true}"), "UNKNOWN_FIELD", "/States/A/End");
    assertHas(compileStates("A", "'A':{'Type':'Pass','Resource':'arn:aws:states:::x:y','End':true}"), "UNKNOWN_FIELD", "/States/A/Resource");
    assertHas(compileStates("A", "'A':{'Type':'Fail','InputPath':'$'}"), "UNKNOWN_FIELD", "/States/A/InputPath");
    assertHas(compileStates("A", "'A':{'Type':'Pass','Foo':1,'End':true}"), "UNKNOWN_FIELD", "/States/A/Foo");
  }

  @ParameterizedTest
  @ValueSource(strings = {"InputPath", "OutputPath", "ResultPath"})
  void shouldRejectJsonPathFieldsInJsonataMode(String field) {
    assertHas(compile("{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Pass','" + field + "':'$','End':true}}}"),
        "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE", "/States/A/" + field);
  }

  @Test
  void shouldRejectParametersInJsonataAndArgumentsInJsonPath() {
    assertHas(compile("{'StartAt':'A','States':{'A':{'Type':'Task','QueryLanguage':'JSONata','Resource':'arn:aws:states:::x:y',"
        + "'Parameters':{},'End':true}}}"), "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE", "/States/A/Parameters");
    assertHas(compileStates("A", "'A':{'Type':'Task','Resource':'arn:aws:states:::x:y','Arguments':{},'End':true}"),
        "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE", "/States/A/Arguments");
    assertHas(compileStates("A", "'A':{'Type':'Wait','Seconds':1,'Output':{},'End':true}"),
        "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE", "/States/A/Output");
    assertHas(compile("{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Wait','SecondsPath':'$.s','End':true}}}"),
        "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE", "/States/A/SecondsPath");
  }

  @Test
  void shouldAcceptTheJsonataFieldsInJsonataMode() {
    assertValid(compile("{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:::x:y',"
        + "'Arguments':{'a':'{% 1 %}'},'Output':'{% $states.result %}','Assign':{'v':1},'TimeoutSeconds':'{% 5 %}','End':true}}}"));
  }

  @Test
  void shouldValidateTheStateQueryLanguage() {
    assertHas(compileStates("A", "'A':{'Type':'Succeed','QueryLanguage':'XPath'}"), "INVALID_VALUE", "/States/A/QueryLanguage");
  }

  @Test
  void shouldRejectAJsonPathStateUnderAJsonataTopLevel() {
    assertHas(compile("{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Succeed','QueryLanguage':'JSONPath'}}}"),
        "INVALID_VALUE", "/States/A");
  }
}
