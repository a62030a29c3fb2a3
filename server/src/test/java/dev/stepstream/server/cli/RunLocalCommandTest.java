package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.ops.Admission;
import dev.stepstream.wire.WireJson;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunLocalCommandTest {
  private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"hello\":\"world\"},\"End\":true}}}";
  private static final String FAIL = "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"ErrorA\",\"Cause\":\"Invalid response.\"}}}";
  private static final String ECHO_TASK = "{\"StartAt\":\"Charge\",\"States\":{\"Charge\":{\"Type\":\"Task\","
      + "\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:Charge\",\"End\":true}}}";
  private static final String MOCKS = "{\"StateMachines\":{\"Billing\":{\"TestCases\":{\"Declined\":{\"Charge\":\"Declined\"}}}},"
      + "\"MockedResponses\":{\"Charge\":{\"0\":{\"Return\":{\"charged\":true}}},"
      + "\"Declined\":{\"0\":{\"Throw\":{\"Error\":\"CardDeclined\",\"Cause\":\"insufficient funds\"}}}}}";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, String... args) {
    CommandLine cli = new CommandLine(new RunLocalCommand(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))).setExpandAtFiles(false);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void shouldPrintOneCompactJsonLineWithKeysInOrder() throws Exception {
    int code = run("", "--definition", file("d.json", PASS).toString());

    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo(
        "{\"status\":\"SUCCEEDED\",\"output\":{\"hello\":\"world\"},\"error\":null,\"cause\":null}" + System.lineSeparator());
  }

  @Test
  void shouldReportAFailedExecutionAsDataWithExitCodeZero() throws Exception {
    int code = run("", "--definition", file("d.json", FAIL).toString());

    assertThat(code).isZero();
    assertThat(out.toString().trim()).isEqualTo(
        "{\"status\":\"FAILED\",\"output\":null,\"error\":\"ErrorA\",\"cause\":\"Invalid response.\"}");
  }

  @Test
  void shouldReadTheInputFromAFileGivenWithAt() throws Exception {
    String echo = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"InputPath\":\"$.a\",\"End\":true}}}";
    int code = run("", "--definition", file("d.json", echo).toString(), "--input", "@" + file("in.json", "{\"a\":[1,2]}"));

    assertThat(code).isZero();
    assertThat(out.toString()).contains("\"output\":[1,2]");
  }

  @Test
  void shouldAnswerTasksByStateNameWithoutATestCase() throws Exception {
    int code = run("", "--definition", file("d.json", ECHO_TASK).toString(), "--mocks", file("m.json", MOCKS).toString());

    assertThat(code).isZero();
    assertThat(out.toString()).contains("\"status\":\"SUCCEEDED\",\"output\":{\"charged\":true}");
  }

  @Test
  void shouldAnswerTasksFromTheSelectedTestCase() throws Exception {
    int code = run("", "--definition", file("d.json", ECHO_TASK).toString(), "--mocks", file("m.json", MOCKS).toString(),
        "--test-case", "Declined");

    assertThat(code).isZero();
    assertThat(out.toString().trim()).isEqualTo(
        "{\"status\":\"FAILED\",\"output\":null,\"error\":\"CardDeclined\",\"cause\":\"insufficient funds\"}");
  }

  @Test
  void shouldRejectInputThatIsNotJson() throws Exception {
    int code = run("", "--definition", file("d.json", PASS).toString(), "--input", "{oops");

    assertThat(code).isZero();
    assertThat(out.toString().trim()).isEqualTo("{\"status\":\"REJECTED\",\"output\":null,\"error\":\"InvalidExecutionInput\","
        + "\"cause\":\"Invalid State Machine Execution Input: 'Unexpected character ('o' (code 111)): "
        + "was expecting double-quote to start field name'\"}");
    assertThat(cause(out.toString())).isEqualTo(apiMessage(() -> Admission.executionInput("{oops")));
  }

  @Test
  void shouldRejectInputOverTheApisSizeLimitWithTheApisMessage() throws Exception {
    String big = "\"" + "x".repeat(262_144) + "\"";

    int code = run("", "--definition", file("d.json", PASS).toString(), "--input", big);

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("{\"status\":\"REJECTED\",\"output\":null,\"error\":\"InvalidExecutionInput\"");
    assertThat(cause(out.toString())).isEqualTo(apiMessage(() -> Admission.executionInput(big)))
        .endsWith("Member must have length less than or equal to 262144");
  }

  @Test
  void shouldRejectADefinitionTheApiWouldRefuseWithTheApisMessage() throws Exception {
    String missingTarget = "{\"StartAt\":\"Nowhere\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

    int code = run("", "--definition", file("d.json", missingTarget).toString());

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("{\"status\":\"REJECTED\",\"output\":null,\"error\":\"InvalidDefinition\"");
    assertThat(cause(out.toString())).isEqualTo(apiMessage(() -> Admission.definition(missingTarget, "STANDARD")))
        .startsWith("Invalid State Machine Definition: '");
  }

  @Test
  void shouldRejectADefinitionThatIsNotJsonWithTheApisMessage() throws Exception {
    int code = run("", "--definition", file("d.json", "{").toString());

    assertThat(code).isZero();
    assertThat(out.toString()).contains("\"status\":\"REJECTED\"").contains("\"error\":\"InvalidDefinition\"");
    assertThat(cause(out.toString())).isEqualTo(apiMessage(() -> Admission.definition("{", "STANDARD")));
  }

  @Test
  void shouldCheckTheDefinitionBeforeTheInput() throws Exception {
    int code = run("", "--definition", file("d.json", "{}").toString(), "--input", "{oops");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("\"error\":\"InvalidDefinition\"");
  }

  @Test
  void shouldRejectBatchLinesWithTheApisMessages() {
    String bad = "{\"StartAt\":\"Nowhere\",\"States\":{}}";
    String stdin = line("def", bad, "{}") + "\n" + line("in", PASS, "[1,") + "\n";

    int code = run(stdin, "--batch");

    assertThat(code).isZero();
    assertThat(out.toString().lines()).satisfiesExactly(
        l -> {
          assertThat(l).startsWith("{\"id\":\"def\",\"status\":\"REJECTED\",\"output\":null,\"error\":\"InvalidDefinition\"");
          assertThat(cause(l)).isEqualTo(apiMessage(() -> Admission.definition(bad, "STANDARD")));
        },
        l -> {
          assertThat(l).startsWith("{\"id\":\"in\",\"status\":\"REJECTED\",\"output\":null,\"error\":\"InvalidExecutionInput\"");
          assertThat(cause(l)).isEqualTo(apiMessage(() -> Admission.executionInput("[1,")));
        });
  }

  @Test
  void shouldHonourExpressTypeInBatchLines() {
    String stdin = "{\"id\":1,\"definition\":" + quote(PASS) + ",\"input\":\"{}\",\"type\":\"EXPRESS\"}\n"
        + "{\"id\":2,\"definition\":" + quote(PASS) + ",\"input\":\"{}\",\"type\":\"STANDARD\"}\n"
        + "{\"id\":3,\"definition\":" + quote(PASS) + ",\"input\":\"{}\",\"type\":\"FAST\"}\n"
        + "{\"id\":4,\"definition\":" + quote(PASS) + ",\"input\":\"{}\",\"type\":1}\n";

    int code = run(stdin, "--batch");

    assertThat(code).isZero();
    assertThat(out.toString().lines()).satisfiesExactly(
        l -> assertThat(l).isEqualTo(
            "{\"id\":1,\"status\":\"SUCCEEDED\",\"output\":{\"hello\":\"world\"},\"error\":null,\"cause\":null}"),
        l -> assertThat(l).startsWith("{\"id\":2,\"status\":\"SUCCEEDED\""),
        l -> assertThat(l).startsWith("{\"id\":3,\"status\":\"FAILED\"").contains("Stepstream.InvalidInput")
            .contains("\\\"type\\\" must be \\\"STANDARD\\\" or \\\"EXPRESS\\\""),
        l -> assertThat(l).startsWith("{\"id\":4,\"status\":\"FAILED\"").contains("Stepstream.InvalidInput"));
  }

  /** AWS's wording: LocalStack's test_sfn_api_express snapshot, recorded on AWS. */
  @Test
  void shouldRejectAnExpressBatchLineWhoseTaskWaitsForAToken() {
    String callback = "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\",\"Parameters\":{\"FunctionName\":\"f\"},\"End\":true}}}";
    String stdin = "{\"id\":1,\"definition\":" + quote(callback) + ",\"input\":\"{}\",\"type\":\"EXPRESS\"}\n";

    int code = run(stdin, "--batch");

    assertThat(code).isZero();
    assertThat(out.toString().lines()).singleElement().satisfies(l -> {
      assertThat(l).startsWith("{\"id\":1,\"status\":\"REJECTED\",\"output\":null,\"error\":\"InvalidDefinition\"");
      assertThat(cause(l)).isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine "
          + "does not support '.waitForTaskToken' service integration  at /States/Ask/Resource'");
    });
  }

  @Test
  void shouldExitTwoWhenTheDefinitionFileCannotBeRead() {
    int code = run("", "--definition", dir.resolve("missing.json").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read --definition file").contains("missing.json");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldExitTwoNamingThePointerOfAnInvalidMockFile() throws Exception {
    int code = run("", "--definition", file("d.json", PASS).toString(),
        "--mocks", file("m.json", "{\"MockedResponses\":{\"R\":{\"zero\":{\"Return\":1}}}}").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("at /MockedResponses/R/zero");
  }

  @Test
  void shouldExitTwoForATestCaseTheMockFileDoesNotDefine() throws Exception {
    int code = run("", "--definition", file("d.json", PASS).toString(), "--mocks", file("m.json", MOCKS).toString(),
        "--test-case", "Nope");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("test case 'Nope' is not defined");
  }

  @Test
  void shouldExitTwoWithoutDefinitionOrBatch() {
    assertThat(run("")).isEqualTo(2);
    assertThat(err.toString()).contains("give either --definition FILE or --batch");
  }

  @Test
  void shouldExitTwoForAStartTimeThatIsNotAnInstant() throws Exception {
    assertThat(run("", "--definition", file("d.json", PASS).toString(), "--start-time", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("--start-time");
  }

  @Test
  void shouldWriteOneResultLinePerBatchLineInOrderWithTheIdFirst() {
    String stdin = line("1", PASS, "{}") + "\n" + line("two", FAIL, "{}") + "\n";

    int code = run(stdin, "--batch");

    assertThat(code).isZero();
    assertThat(out.toString().lines()).containsExactly(
        "{\"id\":\"1\",\"status\":\"SUCCEEDED\",\"output\":{\"hello\":\"world\"},\"error\":null,\"cause\":null}",
        "{\"id\":\"two\",\"status\":\"FAILED\",\"output\":null,\"error\":\"ErrorA\",\"cause\":\"Invalid response.\"}");
  }

  @Test
  void shouldKeepGoingAfterMalformedLinesAndInvalidDefinitions() {
    String stdin = "this is not json\n"
        + "{\"id\":7,\"input\":\"{}\"}\n"
        + line("bad", "{\"StartAt\":\"Nowhere\",\"States\":{}}", "{}") + "\n"
        + "\n"
        + line("ok", PASS, null) + "\n";

    int code = run(stdin, "--batch");

    assertThat(code).isZero();
    assertThat(out.toString().lines()).hasSize(4).satisfiesExactly(
        l -> assertThat(l).startsWith("{\"id\":null,\"status\":\"FAILED\"").contains("Stepstream.InvalidInput"),
        l -> assertThat(l).startsWith("{\"id\":7,\"status\":\"FAILED\"").contains("Stepstream.InvalidInput"),
        l -> assertThat(l).startsWith("{\"id\":\"bad\",\"status\":\"REJECTED\"").contains("\"error\":\"InvalidDefinition\""),
        l -> assertThat(l).startsWith("{\"id\":\"ok\",\"status\":\"SUCCEEDED\""));
  }

  @Test
  void shouldUseTheTestCaseOfEachBatchLine() throws Exception {
    String stdin = "{\"id\":1,\"definition\":" + quote(ECHO_TASK) + ",\"input\":\"{}\",\"testCase\":\"Declined\"}\n"
        + "{\"id\":2,\"definition\":" + quote(ECHO_TASK) + ",\"input\":\"{}\"}\n";

    int code = run(stdin, "--batch", "--mocks", file("m.json", MOCKS).toString());

    assertThat(code).isZero();
    assertThat(out.toString().lines()).satisfiesExactly(
        l -> assertThat(l).contains("\"error\":\"CardDeclined\""),
        l -> assertThat(l).contains("\"output\":{\"charged\":true}"));
  }

  @Test
  void shouldReadAnAtInputFileThroughTheMainCommandLine() throws Exception {
    String echo = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));

    int code = cli.execute("run-local", "--definition", file("d.json", echo).toString(), "--input", "@" + file("in.json", "[3]"));

    assertThat(code).isZero();
    assertThat(out.toString()).contains("\"output\":[3]");
  }

  @Test
  void shouldBeListedInTheMainHelp() {
    StringWriter help = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(help));

    cli.execute("--help");

    assertThat(help.toString()).contains("run-local");
  }

  /** The message the API answers for what {@code check} refuses. */
  private static String apiMessage(ThrowingCallable check) {
    return catchThrowableOfType(check, AwsException.class).getMessage();
  }

  private static String cause(String resultLine) {
    try {
      return WireJson.mapper().readTree(resultLine).get("cause").asText();
    } catch (JsonProcessingException e) {
      throw new AssertionError(resultLine, e);
    }
  }

  private static String line(String id, String definition, String input) {
    return "{\"id\":" + quote(id) + ",\"definition\":" + quote(definition) + ",\"input\":" + (input == null ? "null" : quote(input)) + "}";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
