package dev.stepstream.asl.diag;

import static dev.stepstream.asl.testing.Definitions.compile;
import static dev.stepstream.asl.testing.Definitions.compileStates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.asl.Asl;
import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.testing.FakeCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AWS's view of the diagnostics: codes, locations and order. Sources: LocalStack's
 * test_sfn_api_validation snapshots (recorded on AWS), floci-io/floci#2735 and PR #2786 (measured on
 * AWS), localstack/localstack#11978 and serverless-step-functions#250 (AWS output quoted).
 */
class AwsDiagnosticTest {

  private static List<String> inline(ValidationResult result) {
    return AwsDiagnostic.inAwsOrder(result.diagnostics()).stream().map(AwsDiagnostic::inline).toList();
  }

  @Test
  void shouldReportAMissingTargetAndAnUnreachableStateAsAwsDoes() {
    ValidationResult result = compileStates("pass1",
        "'pass1':{'Type':'Pass','Next':'pass3'},'pass2':{'Type':'Pass','End':true}");

    assertThat(inline(result)).containsExactly(
        "MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next",
        "MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2");
  }

  @Test
  void shouldReportADanglingStartAtAndEveryStateUnreachable() {
    ValidationResult result = compileStates("aws_own.run_step", "'run_step':{'Type':'Pass','End':true}");

    assertThat(inline(result)).containsExactly(
        "MISSING_TRANSITION_TARGET: Missing 'Next' target: aws_own.run_step at /StartAt",
        "MISSING_TRANSITION_TARGET: State \"run_step\" is not reachable. at /States/run_step");
  }

  @Test
  void shouldReportNoTerminalStateWithoutLocationAfterMissingTargets() {
    ValidationResult result = compileStates("A", "'A':{'Type':'Pass','Next':'NOPE'}");

    assertThat(AwsDiagnostic.inAwsOrder(result.diagnostics())).containsExactly(
        new AwsDiagnostic("ERROR", "MISSING_TRANSITION_TARGET", "Missing 'Next' target: NOPE", java.util.Optional.of("/States/A/Next")),
        new AwsDiagnostic("ERROR", "MISSING_END_STATE", "Workflow has no terminal state", java.util.Optional.empty()));
    assertThat(inline(result).get(1)).isEqualTo("MISSING_END_STATE: Workflow has no terminal state at null");
  }

  @Test
  void shouldLetNoTerminalStateSuppressUnreachableStates() {
    ValidationResult loop = compileStates("A", "'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'A'},"
        + "'C':{'Type':'Pass','Next':'A'}");
    ValidationResult unreachableEnd = compileStates("A", "'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'A'},"
        + "'C':{'Type':'Succeed'}");

    assertThat(inline(loop)).containsExactly("MISSING_END_STATE: Workflow has no terminal state at null");
    assertThat(inline(unreachableEnd)).containsExactly("MISSING_TRANSITION_TARGET: State \"C\" is not reachable. at /States/C");
  }

  @Test
  void shouldLocateArrayItemsWithBrackets() {
    ValidationResult choice = compileStates("C", "'C':{'Type':'Choice','Choices':[{'Variable':'$.x','IsNull':true,'Next':'NOPE'}],"
        + "'Default':'D'},'D':{'Type':'Succeed'}");
    ValidationResult catcher = compileStates("T", "'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:1:function:f',"
        + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'NOPE'}],'End':true}");

    assertThat(inline(choice)).containsExactly("MISSING_TRANSITION_TARGET: Missing 'Next' target: NOPE at /States/C/Choices[0]/Next");
    assertThat(inline(catcher)).containsExactly("MISSING_TRANSITION_TARGET: Missing 'Next' target: NOPE at /States/T/Catch[0]/Next");
    assertThat(AwsDiagnostic.awsPath("/States/P/Branches/0/States/a~1b")).isEqualTo("/States/P/Branches[0]/States/a/b");
  }

  @Test
  void shouldLocateAnUnsupportedFieldAtItsState() {
    ValidationResult result = compileStates("M", "'M':{'Type':'Map','TimeoutSeconds':5,'End':true,'ItemProcessor':{"
        + "'StartAt':'X','States':{'X':{'Type':'Succeed'}}}}");

    assertThat(inline(result)).containsExactly("SCHEMA_VALIDATION_FAILED: Field 'TimeoutSeconds' is not supported at /States/M");
  }

  @Test
  void shouldNameTheMissingTopLevelFieldsStatesFirst() {
    assertThat(inline(compile("{}"))).containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [States, StartAt] at /");
    assertThat(inline(compile("{'States':{'A':{'Type':'Succeed'}}}")))
        .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt] at /");
    assertThat(inline(compile("{'StartAt':'State_1'}"))).containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /");
  }

  @Test
  void shouldReportABlankOrNonObjectDefinitionWithoutLocation() {
    assertThat(inline(Asl.compile(" ", new FakeCompiler())))
        .containsExactly("SCHEMA_VALIDATION_FAILED: Definition must be a valid JSON object at null");
    assertThat(inline(Asl.compile("[1]", new FakeCompiler())))
        .containsExactly("SCHEMA_VALIDATION_FAILED: Definition must be a valid JSON object at null");
  }

  @Test
  void shouldReportUnparsableJsonWithJacksonsSourceLocation() {
    String location = "[Source: (String)\"not a definition\"; line: 1, column: 4]";

    assertThat(AwsDiagnostic.inAwsOrder(Asl.compile("not a definition", new FakeCompiler()).diagnostics())).containsExactly(
        new AwsDiagnostic("ERROR", "INVALID_JSON_DESCRIPTION", "Unrecognized token 'not': was expecting (JSON String, Number, "
            + "Array, Object or token 'null', 'true' or 'false')\n at " + location, java.util.Optional.of(location)));
  }

  @Test
  void shouldCutTheSourceOfALongDefinitionAsJacksonDoes() {
    String definition = "{\"Comment\":\"" + "x".repeat(600) + "\",";

    String location = AwsDiagnostic.of(Asl.compile(definition, new FakeCompiler()).diagnostics().get(0)).location().orElseThrow();

    assertThat(location).startsWith("[Source: (String)\"{\\\"Comment\\\":\\\"xxx".replace("\\\"", "\""))
        .contains("\"[truncated 114 chars]; line: 1");
  }

  @Test
  void shouldUseAwsWordingForTypeTimestampBranchesAndQueryLanguage() {
    assertThat(inline(compileStates("ExistingButInvalidState", "'ExistingButInvalidState':{'Type':'Lambda','End':true}")))
        .containsExactly("SCHEMA_VALIDATION_FAILED: The field 'Type' should have one of these values: "
            + "[Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] at /States/ExistingButInvalidState/Type");
    assertThat(inline(compileStates("WaitUntil", "'WaitUntil':{'Type':'Wait','Timestamp':'2016-03-14 01:59:00','End':true}")))
        .containsExactly("SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp");
    assertThat(inline(compileStates("StateName", "'StateName':{'Type':'Parallel','Branches':[],'End':true}")))
        .containsExactly("SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States/StateName/Branches");
    assertThat(inline(compile("{'StartAt':'Pass','States':{'Pass':{'Type':'Pass','End':true,'QueryLanguage':'JSONPath'}},"
        + "'QueryLanguage':'JSONata'}")))
        .containsExactly("SCHEMA_VALIDATION_FAILED: 'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine"
            + " at /States/Pass");
  }

  @Test
  void shouldReportAnUnrecognizedResourceAsAwsDoes() {
    assertThat(inline(compileStates("Query", "'Query':{'Type':'Task','Resource':'arn:<partition>:states:::dynamodb:query','End':true}")))
        .containsExactly("SCHEMA_VALIDATION_FAILED: The resource provided arn:<partition>:states:::dynamodb:query is not recognized. "
            + "The value is not a valid resource ARN, or the resource is not available in this region. at /States/Query/Resource");
  }

  @Test
  void shouldMapDuplicateAndTooLongStateNamesToAwsCodes() {
    ValidationResult duplicate = compile("{'StartAt':'A','States':{'A':{'Type':'Succeed'},'A':{'Type':'Succeed'}}}");

    assertThat(inline(duplicate)).containsExactly("DUPLICATE_STATE_NAME: Duplicate State name: A at /States/A");
    assertThat(AwsDiagnostic.of(Diagnostic.error("STATE_NAME_TOO_LONG", "/States/x", "m")).code()).isEqualTo("INVALID_STATE_NAME");
  }

  /** floci-io/floci#2968 (measured on AWS): Field 'QueryLanguage' is not supported at /States/M/ItemProcessor. */
  @Test
  void shouldLocateAnUnsupportedScopeFieldAtItsObject() {
    ValidationResult result = compileStates("M", "'M':{'Type':'Map','End':true,'ItemProcessor':{'QueryLanguage':'JSONata',"
        + "'StartAt':'X','States':{'X':{'Type':'Succeed'}}}}");

    assertThat(inline(result)).containsExactly(
        "SCHEMA_VALIDATION_FAILED: Field 'QueryLanguage' is not supported at /States/M/ItemProcessor");
    assertThat(inline(compile("{'Coment':'x','StartAt':'A','States':{'A':{'Type':'Succeed'}}}")))
        .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'Coment' is not supported at /");
  }

  /** LocalStack test_base_scenarios snapshot (IntrinsicEscape), recorded on AWS. */
  @Test
  void shouldNameTheKeyOfABadPathOrIntrinsicInParameters() {
    ValidationResult intrinsic = Asl.compile(dev.stepstream.asl.testing.Definitions.json("{'StartAt':'IntrinsicEscape','States':{"
        + "'IntrinsicEscape':{'Type':'Pass','Parameters':{'parsed.$':'States.StringToJson($.x'},'End':true}}}"));
    ValidationResult path = Asl.compile(dev.stepstream.asl.testing.Definitions.json("{'StartAt':'P','States':{"
        + "'P':{'Type':'Pass','Parameters':{'a':{'b.$':'$..['}},'End':true}}}"));

    assertThat(inline(intrinsic)).containsExactly("SCHEMA_VALIDATION_FAILED: The value for the field 'parsed.$' must be a valid "
        + "JSONPath or a valid intrinsic function call at /States/IntrinsicEscape/Parameters");
    assertThat(inline(path)).containsExactly("SCHEMA_VALIDATION_FAILED: The value for the field 'b.$' must be a valid "
        + "JSONPath or a valid intrinsic function call at /States/P/Parameters/a");
  }
}
