package dev.stepstream.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.local.LocalRunner;
import dev.stepstream.engine.local.RunResult;
import dev.stepstream.wire.WireJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code run-local --batch}: one JSON object per stdin line in, one result line per input line out,
 * in order, with one reused runner. A malformed line yields a FAILED line instead of stopping; a
 * definition or input the API would refuse yields a REJECTED line. {@code "type"} (STANDARD by default
 * or EXPRESS) is the state machine type. Blank lines are skipped.
 */
final class RunLocalBatch {
  private static final ObjectMapper JSON = WireJson.mapper();
  private static final Set<String> TYPES = Set.of("STANDARD", "EXPRESS");

  private final LocalRunner runner;
  private final String defaultTestCase;

  RunLocalBatch(LocalRunner runner, String defaultTestCase) {
    this.runner = runner;
    this.defaultTestCase = defaultTestCase;
  }

  void run(InputStream in, PrintWriter out) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.isBlank()) {
        out.println(JSON.writeValueAsString(resultLine(line)));
      }
    }
  }

  ObjectNode resultLine(String line) {
    JsonNode request;
    try {
      request = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return withId(null, invalid("The line is not valid JSON: " + e.getOriginalMessage()));
    }
    if (request == null || !request.isObject()) {
      return withId(null, invalid("The line must be a JSON object {\"id\",\"definition\",\"input\"[,\"testCase\"][,\"type\"]}"));
    }
    JsonNode id = request.get("id");
    JsonNode definition = request.get("definition");
    JsonNode input = request.get("input");
    JsonNode testCase = request.get("testCase");
    JsonNode type = request.get("type");
    if (definition == null || !(definition.isTextual() || definition.isObject())) {
      return withId(id, invalid("\"definition\" is required: the state machine definition as a JSON string"));
    }
    if (input != null && !input.isTextual() && !input.isNull()) {
      return withId(id, invalid("\"input\" must be the execution input as a JSON string, e.g. \"{}\""));
    }
    if (testCase != null && !testCase.isTextual() && !testCase.isNull()) {
      return withId(id, invalid("\"testCase\" must be a string"));
    }
    if (type != null && !type.isNull() && !(type.isTextual() && TYPES.contains(type.asText()))) {
      return withId(id, invalid("\"type\" must be \"STANDARD\" or \"EXPRESS\""));
    }
    String definitionText = definition.isTextual() ? definition.asText() : definition.toString();
    String inputText = input == null || input.isNull() ? null : input.asText();
    String testCaseName = testCase == null || testCase.isNull() ? defaultTestCase : testCase.asText();
    String typeName = type == null || type.isNull() ? "STANDARD" : type.asText();
    return withId(id, new RunLocalRequest(definitionText, inputText, testCaseName, typeName).resultLine(runner));
  }

  private static RunResult invalid(String cause) {
    return RunResult.failed(LocalRunner.INVALID_INPUT, cause, List.of());
  }

  private static ObjectNode withId(JsonNode id, RunResult result) {
    return withId(id, (ObjectNode) result.toJsonLine());
  }

  private static ObjectNode withId(JsonNode id, ObjectNode result) {
    ObjectNode line = JSON.createObjectNode();
    line.set("id", id == null ? line.nullNode() : id);
    line.setAll(result);
    return line;
  }
}
