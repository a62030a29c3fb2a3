package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.WireJson;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** run-local serves a Distributed Map's ItemReader and ResultWriter from --object-store. */
class RunLocalDistributedMapTest {
  private static final String READER = ",\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\","
      + "\"ReaderConfig\":{\"InputType\":\"JSONL\"},\"Parameters\":{\"Bucket\":\"in\",\"Key\":\"items.jsonl\"}}";
  private static final String WRITER = ",\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\","
      + "\"Parameters\":{\"Bucket\":\"out\",\"Prefix\":\"runs\"}}";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();

  private static String map(String extra) {
    return "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"Label\":\"Lbl\"" + extra + ","
        + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
        + "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"v.$\":\"$.n\"},\"End\":true}}},"
        + "\"End\":true}}}";
  }

  private JsonNode run(String stdin, String... args) throws Exception {
    CommandLine cli = new CommandLine(new RunLocalCommand(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))).setExpandAtFiles(false);
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute(args)).isZero();
    return WireJson.mapper().readTree(out.toString().lines().findFirst().orElseThrow());
  }

  private Path definition(String text) throws Exception {
    return Files.writeString(dir.resolve("d.json"), text);
  }

  private Path objects() throws Exception {
    Path root = dir.resolve("objects");
    Files.createDirectories(root.resolve("in"));
    Files.writeString(root.resolve("in/items.jsonl"), "{\"n\":1}\n\n{\"n\":2}\n{\"n\":3}\n");
    return root;
  }

  @Test
  void shouldMapOverAJsonLinesFileOfTheObjectStore() throws Exception {
    JsonNode result = run("", "--definition", definition(map(READER)).toString(),
        "--object-store", objects().toString());

    assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(result.get("output").toString()).isEqualTo("[{\"v\":1},{\"v\":2},{\"v\":3}]");
  }

  @Test
  void shouldWriteTheResultsInAwsManifestLayoutAndReturnTheManifestKey() throws Exception {
    Path root = objects();
    JsonNode result = run("", "--definition", definition(map(READER + WRITER)).toString(),
        "--object-store", root.toString());

    assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
    JsonNode details = result.at("/output/ResultWriterDetails");
    assertThat(details.get("Bucket").asText()).isEqualTo("out");
    assertThat(details.get("Key").asText()).matches("runs/[0-9a-f-]{36}/manifest.json");
    assertThat(result.at("/output/MapRunArn").asText()).contains(":mapRun:local/Lbl:");
    JsonNode manifest = WireJson.mapper().readTree(root.resolve("out").resolve(details.get("Key").asText()).toFile());
    assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText()).endsWith("/SUCCEEDED_0.json");
  }

  @Test
  void shouldFailWithItemReaderFailedNamingTheMissingRootInsteadOfWaiting() throws Exception {
    Path missing = dir.resolve("no-such-root");
    JsonNode result = run("", "--definition", definition(map(READER)).toString(), "--object-store", missing.toString());

    assertThat(result.get("status").asText()).isEqualTo("FAILED");
    assertThat(result.get("error").asText()).isEqualTo("States.ItemReaderFailed");
    assertThat(result.get("cause").asText()).isEqualTo("The specified key does not exist: in/items.jsonl (the object"
        + " store root " + missing.toAbsolutePath().normalize() + " does not exist)");
  }

  @Test
  void shouldServeTheReaderInBatchModeToo() throws Exception {
    String line = "{\"id\":\"a\",\"definition\":" + WireJson.mapper().writeValueAsString(map(READER)) + ",\"input\":\"{}\"}";
    JsonNode result = run(line + "\n", "--batch", "--object-store", objects().toString());

    assertThat(result.get("id").asText()).isEqualTo("a");
    assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(result.get("output").toString()).isEqualTo("[{\"v\":1},{\"v\":2},{\"v\":3}]");
  }

  @Test
  void shouldFailAKafkaReaderWithACauseSayingThereIsNoBroker() throws Exception {
    String kafka = ",\"ItemReader\":{\"Resource\":\"arn:aws:states:::kafka:getRecords\",\"Parameters\":{\"Topic\":\"t\"}}";
    JsonNode result = run("", "--definition", definition(map(kafka)).toString(), "--object-store", objects().toString());

    assertThat(result.get("error").asText()).isEqualTo("States.ItemReaderFailed");
    assertThat(result.get("cause").asText()).contains("needs a Kafka broker; run-local has none");
  }
}
