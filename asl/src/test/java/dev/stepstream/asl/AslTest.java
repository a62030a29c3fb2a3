package dev.stepstream.asl;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compile;
import static dev.stepstream.asl.testing.Definitions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepstream.asl.diag.Diagnostic;
import dev.stepstream.asl.model.QueryLanguage;
import dev.stepstream.asl.model.StateMachine;
import dev.stepstream.asl.testing.FakeCompiler;
import org.junit.jupiter.api.Test;

class AslTest {
  private static final String HELLO = "{'Comment':'hi','StartAt':'A','TimeoutSeconds':60,'Version':'1.0',"
      + "'States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Succeed'}}}";

  @Test
  void shouldCompileAValidDefinitionWithTopLevelFieldsInOrder() {
    ValidationResult result = compile(HELLO);

    assertValid(result);
    StateMachine machine = result.stateMachine().orElseThrow();
    assertThat(machine.comment()).contains("hi");
    assertThat(machine.startAt()).isEqualTo("A");
    assertThat(machine.timeoutSeconds()).hasValue(60);
    assertThat(machine.version()).contains("1.0");
    assertThat(machine.queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
    assertThat(machine.states().keySet()).containsExactly("A", "B");
  }

  @Test
  void shouldReportMalformedJsonWithLineAndColumn() {
    ValidationResult result = Asl.compile("{\n  \"StartAt\": \"A\",\n  \"States\": {\n}", new FakeCompiler());

    assertThat(result.isValid()).isFalse();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("INVALID_JSON");
      assertThat(d.message()).contains("\n at [Source: (String)\"{").endsWith("; line: 4, column: 2]");
    });
  }

  @Test
  void shouldReportEmptyAndNullInputsWithoutThrowing() {
    assertThat(Asl.compile("", new FakeCompiler()).diagnostics()).extracting(Diagnostic::code).containsExactly("NOT_AN_OBJECT");
    assertThat(Asl.compile((String) null, new FakeCompiler()).diagnostics()).extracting(Diagnostic::code).containsExactly("INVALID_JSON");
    assertThat(Asl.compile("[1,2]", new FakeCompiler()).diagnostics()).extracting(Diagnostic::code).containsExactly("NOT_AN_OBJECT");
    assertThat(Asl.compile("{} x", new FakeCompiler()).diagnostics()).extracting(Diagnostic::code).containsExactly("INVALID_JSON");
  }

  @Test
  void shouldRejectADefinitionLargerThanTheConfiguredLimit() {
    String definition = json(HELLO);
    AslOptions small = AslOptions.defaults().withMaxDefinitionBytes(definition.length() - 1);

    assertHas(Asl.compile(definition, new FakeCompiler(), small), "DEFINITION_TOO_LARGE", "");
    assertValid(Asl.compile(definition, new FakeCompiler(), small.withMaxDefinitionBytes(definition.length())));
  }

  @Test
  void shouldUseOneMebibyteAsTheDefaultSizeLimit() {
    String padding = "x".repeat(AslOptions.DEFAULT_MAX_DEFINITION_BYTES);
    String definition = json("{'Comment':'" + padding + "','StartAt':'A','States':{'A':{'Type':'Succeed'}}}");

    assertHas(Asl.compile(definition, new FakeCompiler()), "DEFINITION_TOO_LARGE", "");
  }

  @Test
  void shouldReportADuplicateStateNameInTheSameStatesObject() {
    ValidationResult result = compile("{'StartAt':'A','States':{'A':{'Type':'Succeed'},'A':{'Type':'Succeed'}}}");

    assertHas(result, "DUPLICATE_STATE_NAME", "/States/A");
  }

  @Test
  void shouldCompileATreeWithoutMutatingIt() throws Exception {
    JsonNode tree = new ObjectMapper().readTree(json("{'StartAt':'A','States':{'A':{'Type':'Pass','Result':{'x':1},'End':true}}}"));
    JsonNode before = tree.deepCopy();

    ValidationResult result = Asl.compile(tree, new FakeCompiler());

    assertValid(result);
    assertThat(tree).isEqualTo(before);
  }

  @Test
  void shouldRejectTreesNestedDeeperThanTheLimit() {
    com.fasterxml.jackson.databind.node.ObjectNode root = new ObjectMapper().createObjectNode();
    com.fasterxml.jackson.databind.node.ObjectNode current = root;
    for (int i = 0; i < 10; i++) {
      current = current.putObject("n");
    }

    ValidationResult result = Asl.compile(root, new FakeCompiler(), AslOptions.defaults().withMaxNestingDepth(5));

    assertHas(result, "INVALID_JSON", "");
  }

  @Test
  void shouldSortDiagnosticsByLocation() {
    ValidationResult result = compile("{'StartAt':'A','States':{'B':{'Type':'Nope'},'A':{'Type':'Pass'}}}");

    assertThat(result.diagnostics()).extracting(Diagnostic::location).isSorted();
    assertThat(result.diagnostics()).hasSizeGreaterThan(1);
  }
}
