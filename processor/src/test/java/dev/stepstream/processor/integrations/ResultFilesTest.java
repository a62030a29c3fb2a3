package dev.stepstream.processor.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String RUN = "arn:aws:states:us-east-1:1:mapRun:Sm/Lbl:0f1e2d3c-0000-4000-8000-000000000001";
  static final String RESULTS = """
      [{"Index":0,"Status":"SUCCEEDED","Output":{"n":1}},
       {"Index":1,"Status":"FAILED","Error":"Bad","Cause":"two"},
       {"Index":2,"Status":"SUCCEEDED","Output":[2,3]}]""";

  @TempDir
  Path root;

  @Test
  void shouldWriteAwsManifestLayoutUnderPrefixAndMapRunId() throws Exception {
    ObjectStore store = new ObjectStore(root);
    JsonNode details = ResultFiles.write(store, JSON.readTree("{\"Bucket\":\"out\",\"Prefix\":\"jobs\"}"),
        JSON.missingNode(), RUN, JSON.readTree(RESULTS));

    String dir = "jobs/0f1e2d3c-0000-4000-8000-000000000001/";
    assertThat(details).isEqualTo(JSON.readTree("{\"Bucket\":\"out\",\"Key\":\"" + dir + "manifest.json\"}"));
    JsonNode manifest = JSON.readTree(store.read("out", dir + "manifest.json"));
    assertThat(manifest.get("DestinationBucket").asText()).isEqualTo("out");
    assertThat(manifest.get("MapRunArn").asText()).isEqualTo(RUN);
    assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText()).isEqualTo(dir + "SUCCEEDED_0.json");
    assertThat(manifest.at("/ResultFiles/FAILED/0/Key").asText()).isEqualTo(dir + "FAILED_0.json");
    assertThat(manifest.at("/ResultFiles/PENDING")).isEmpty();
    assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Size").asLong())
        .isEqualTo(Files.size(store.file("out", dir + "SUCCEEDED_0.json")));

    JsonNode succeeded = JSON.readTree(store.read("out", dir + "SUCCEEDED_0.json"));
    assertThat(succeeded).hasSize(2);
    assertThat(succeeded.get(0).get("Output").asText()).isEqualTo("{\"n\":1}");
    assertThat(succeeded.get(0).get("Status").asText()).isEqualTo("SUCCEEDED");
    JsonNode failed = JSON.readTree(store.read("out", dir + "FAILED_0.json"));
    assertThat(failed.get(0).get("Error").asText()).isEqualTo("Bad");
    assertThat(failed.get(0).get("Cause").asText()).isEqualTo("two");
  }

  @Test
  void shouldWriteCompactJsonLinesAndFlattenArrays() throws Exception {
    ObjectStore store = new ObjectStore(root);
    ResultFiles.write(store, JSON.readTree("{\"Bucket\":\"out\"}"),
        JSON.readTree("{\"OutputType\":\"JSONL\",\"Transformation\":\"FLATTEN\"}"), RUN, JSON.readTree(RESULTS));

    String text = Files.readString(store.file("out", "0f1e2d3c-0000-4000-8000-000000000001/SUCCEEDED_0.json"));
    assertThat(text).isEqualTo("{\"n\":1}\n2\n3\n");
  }

  @Test
  void shouldWriteNoFileForAnEmptyStatus() throws Exception {
    ObjectStore store = new ObjectStore(root);
    ResultFiles.write(store, JSON.readTree("{\"Bucket\":\"out\",\"Prefix\":\"p/\"}"), JSON.missingNode(), RUN,
        JSON.readTree("[{\"Index\":0,\"Status\":\"SUCCEEDED\",\"Output\":1}]"));
    assertThat(Files.exists(store.file("out", "p/0f1e2d3c-0000-4000-8000-000000000001/FAILED_0.json"))).isFalse();
  }

  @Test
  void shouldWriteOnePartPerPageAndListThemInTheManifestWrittenLast() throws Exception {
    ObjectStore store = new ObjectStore(root);
    JsonNode parameters = JSON.readTree("{\"Bucket\":\"out\"}");
    ResultFiles.writePart(store, parameters, JSON.missingNode(), RUN, 0,
        JSON.readTree("[{\"Index\":0,\"Status\":\"SUCCEEDED\",\"Output\":1}]"));
    ResultFiles.writePart(store, parameters, JSON.missingNode(), RUN, 1, JSON.readTree(RESULTS));
    String dir = "0f1e2d3c-0000-4000-8000-000000000001/";
    assertThat(Files.exists(store.file("out", dir + "manifest.json"))).isFalse();

    JsonNode details = ResultFiles.writeManifest(store, parameters, RUN, 2);

    JsonNode manifest = JSON.readTree(store.read("out", details.get("Key").asText()));
    assertThat(manifest.at("/ResultFiles/SUCCEEDED").findValuesAsText("Key"))
        .containsExactly(dir + "SUCCEEDED_0.json", dir + "SUCCEEDED_1.json");
    assertThat(manifest.at("/ResultFiles/FAILED").findValuesAsText("Key")).containsExactly(dir + "FAILED_1.json");
  }
}
