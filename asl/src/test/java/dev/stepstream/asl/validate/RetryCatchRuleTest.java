package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compile;
import static dev.stepstream.asl.testing.Definitions.compileStates;

import dev.stepstream.asl.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryCatchRuleTest {

  private static ValidationResult withRetry(String retriers) {
    return compileStates("T", "'T':{'Type':'Task','Resource':'arn:aws:states:::a:b','Retry':[" + retriers + "],'End':true}");
  }

  private static ValidationResult withCatch(String catchers) {
    return compileStates("T", "'T':{'Type':'Task','Resource':'arn:aws:states:::a:b','Catch':[" + catchers + "],'End':true},"
        + "'H':{'Type':'Succeed'}");
  }

  @Test
  void shouldAcceptTheDocumentedRetrierFields() {
    assertValid(withRetry("{'ErrorEquals':['States.Timeout'],'IntervalSeconds':1,'MaxAttempts':0,'BackoffRate':1.0,"
        + "'MaxDelaySeconds':5,'JitterStrategy':'FULL'},{'ErrorEquals':['States.ALL']}"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "'IntervalSeconds':0 | IntervalSeconds",
      "'IntervalSeconds':1.5 | IntervalSeconds",
      "'MaxAttempts':-1 | MaxAttempts",
      "'BackoffRate':0.5 | BackoffRate",
      "'BackoffRate':'2' | BackoffRate",
      "'MaxDelaySeconds':0 | MaxDelaySeconds",
      "'MaxDelaySeconds':31622401 | MaxDelaySeconds",
      "'JitterStrategy':'full' | JitterStrategy",
  })
  void shouldRejectRetrierValuesOutOfRange(String field, String name) {
    assertHas(withRetry("{'ErrorEquals':['E']," + field + "}"), "INVALID_VALUE", "/States/T/Retry/0/" + name);
  }

  @Test
  void shouldRequireANonEmptyErrorEquals() {
    assertHas(withRetry("{'MaxAttempts':1}"), "MISSING_REQUIRED_FIELD", "/States/T/Retry/0");
    assertHas(withRetry("{'ErrorEquals':[]}"), "INVALID_VALUE", "/States/T/Retry/0/ErrorEquals");
    assertHas(withRetry("{'ErrorEquals':[1]}"), "INVALID_TYPE", "/States/T/Retry/0/ErrorEquals/0");
  }

  @Test
  void shouldRequireStatesAllToBeAloneAndLast() {
    assertHas(withRetry("{'ErrorEquals':['States.ALL','E']}"), "INVALID_VALUE", "/States/T/Retry/0/ErrorEquals/0");
    assertHas(withRetry("{'ErrorEquals':['States.ALL']},{'ErrorEquals':['E']}"), "INVALID_VALUE", "/States/T/Retry/0/ErrorEquals/0");
    assertHas(withCatch("{'ErrorEquals':['States.ALL'],'Next':'H'},{'ErrorEquals':['E'],'Next':'H'}"),
        "INVALID_VALUE", "/States/T/Catch/0/ErrorEquals/0");
  }

  @Test
  void shouldRejectUnknownRetrierFields() {
    assertHas(withRetry("{'ErrorEquals':['E'],'Next':'H'}"), "UNKNOWN_FIELD", "/States/T/Retry/0/Next");
  }

  @Test
  void shouldRequireCatcherNext() {
    assertHas(withCatch("{'ErrorEquals':['E']}"), "MISSING_REQUIRED_FIELD", "/States/T/Catch/0");
  }

  @Test
  void shouldAcceptCatcherResultPathAndAssignInJsonPath() {
    assertValid(withCatch("{'ErrorEquals':['E'],'Next':'H','ResultPath':'$.error','Assign':{'x':1}},"
        + "{'ErrorEquals':['States.ALL'],'Next':'H','ResultPath':null}"));
  }

  @Test
  void shouldUseOutputNotResultPathInJsonataCatchers() {
    String definition = "{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::a:b',"
        + "'Catch':[{'ErrorEquals':['E'],'Next':'H',%s}],'End':true},'H':{'Type':'Succeed'}}}";
    assertValid(compile(definition.formatted("'Output':'{% $states.errorOutput %}'")));
    assertHas(compile(definition.formatted("'ResultPath':'$.e'")), "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE", "/States/T/Catch/0/ResultPath");
  }
}
