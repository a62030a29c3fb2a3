package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code stepstream validate} works offline: diagnostics with JSON pointers, exit code 1 when invalid. */
class ValidateCommandTest {
  @TempDir Path dir;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    int code = cli.execute(args);
    return new String[] {Integer.toString(code), out.toString()};
  }

  @Test
  void shouldPrintDiagnosticsWithJsonPointersAndExitNonZeroWhenInvalid() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"),
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Next\": \"Missing\"}}}");

    String[] result = run("validate", file.toString());

    assertThat(result[0]).isEqualTo("1");
    assertThat(result[1]).contains("SEVERITY").contains("ERROR").contains("/States/P").contains("FAIL: " + file);
  }

  @Test
  void shouldSayOkAndExitZeroForAValidDefinition() throws Exception {
    Path file = Files.writeString(dir.resolve("ok.json"),
        "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");

    String[] result = run("validate", file.toString());

    assertThat(result[0]).isEqualTo("0");
    assertThat(result[1]).contains("OK: " + file);
  }

  @Test
  void shouldPrintTheAwsResponseShapeWithJson() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"StartAt\": 1}");

    String[] result = run("validate", "--json", file.toString());

    assertThat(result[0]).isEqualTo("1");
    assertThat(result[1]).startsWith("{\"result\":\"FAIL\",\"diagnostics\":[{\"severity\":\"ERROR\"");
  }
}
