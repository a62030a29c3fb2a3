package dev.stepstream.asl;

import static dev.stepstream.asl.testing.Definitions.codesAndPointers;
import static dev.stepstream.asl.testing.Definitions.compile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whole bad definitions with the exact, location-sorted list of diagnostics they must produce. */
class GoldenDiagnosticsTest {

  @Test
  void shouldReportEveryProblemOfABrokenImageWorkflow() {
    ValidationResult result = compile("{'StartAt':'Salvar','States':{"
        + "'Salvar':{'Type':'Task','Resource':'SalvarImagem','Retry':[{'ErrorEquals':['States.ALL'],'BackoffRate':0.5},"
        + "{'ErrorEquals':['Lambda.ServiceException']}],'Next':'Notificar'},"
        + "'Notificar':{'Type':'Pass','End':true,'Next':'Salvar'},"
        + "'Esquecido':{'Type':'Succeed'}}}");

    assertThat(codesAndPointers(result)).containsExactly(
        "UNREACHABLE_STATE /States/Esquecido",
        "CONFLICTING_FIELDS /States/Notificar/End",
        "INVALID_ARN /States/Salvar/Resource",
        "INVALID_VALUE /States/Salvar/Retry/0/BackoffRate",
        "INVALID_VALUE /States/Salvar/Retry/0/ErrorEquals/0");
  }

  @Test
  void shouldReportProblemsInsideNestedScopesWithTheirPointers() {
    ValidationResult result = compile("{'StartAt':'P','States':{"
        + "'P':{'Type':'Parallel','Next':'M','Branches':[{'StartAt':'B','States':{'B':{'Type':'Wait','Next':'M'}}}]},"
        + "'M':{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'X','States':{"
        + "'X':{'Type':'Choice','Choices':[{'Variable':'$.n','NumericEquals':'1','Next':'Y'}],'End':true},"
        + "'Y':{'Type':'Succeed'}}}}}}");

    assertThat(codesAndPointers(result)).containsExactly(
        "INVALID_TYPE /States/M/ItemProcessor/States/X/Choices/0/NumericEquals",
        "UNKNOWN_FIELD /States/M/ItemProcessor/States/X/End",
        "NO_TERMINAL /States/P/Branches/0/States",
        "MISSING_REQUIRED_FIELD /States/P/Branches/0/States/B",
        "MISSING_TRANSITION_TARGET /States/P/Branches/0/States/B/Next");
  }

  @Test
  void shouldReportJsonPathFieldsInAJsonataDefinition() {
    ValidationResult result = compile("{'QueryLanguage':'JSONata','StartAt':'T','States':{"
        + "'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'a.$':'$.x'},'ResultPath':'$.r',"
        + "'Output':'{% !! %}','End':true}}}");

    assertThat(codesAndPointers(result)).containsExactly(
        "MISSING_REQUIRED_FIELD /States/T/Arguments",
        "INVALID_JSONATA /States/T/Output",
        "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE /States/T/Parameters",
        "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE /States/T/ResultPath");
  }
}
