package dev.stepstream.asl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.diag.JsonSourceLocation;
import dev.stepstream.asl.validate.DiagnosticCodes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Reads definition text into a tree: duplicate keys are rejected (a duplicate key inside a States
 * object is a duplicate state name), floats are read exactly, and nesting is bounded.
 */
final class DefinitionReader {
  private final ObjectMapper mapper;
  private final AslOptions options;

  DefinitionReader(AslOptions options) {
    this.options = options;
    this.mapper = JsonMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
    mapper.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(options.maxNestingDepth()).build());
  }

  Optional<JsonNode> read(String json, Diagnostics out) {
    try {
      JsonNode node = mapper.readTree(json);
      if (node == null || node.isMissingNode()) {
        out.error(DiagnosticCodes.NOT_AN_OBJECT, "", AwsMessages.NOT_AN_OBJECT);
        return Optional.empty();
      }
      return Optional.of(node);
    } catch (StreamReadException e) {
      report(e, out);
    } catch (JsonProcessingException e) {
      out.error(DiagnosticCodes.INVALID_JSON, "", e.getOriginalMessage());
    }
    return Optional.empty();
  }

  /**
   * A syntax error reads as AWS's INVALID_JSON_DESCRIPTION: Jackson's message, then {@code "\n at "} and
   * the location in Jackson's {@code [Source: (String)"..."; line: L, column: C]} form. A duplicate key
   * inside a States object is a duplicate state name instead.
   */
  private static void report(StreamReadException e, Diagnostics out) {
    String message = e.getOriginalMessage();
    String pointer = "";
    JsonParser parser = e.getProcessor();
    if (parser != null && parser.getParsingContext() != null) {
      pointer = parser.getParsingContext().pathAsPointer().toString();
    }
    if (message.startsWith("Duplicate field") && pointer.matches(".*/States/[^/]*")) {
      String name = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
      out.error(DiagnosticCodes.DUPLICATE_STATE_NAME, pointer, AwsMessages.duplicateStateName(name));
    } else {
      out.error(DiagnosticCodes.INVALID_JSON, pointer, message + JsonSourceLocation.SEPARATOR + JsonSourceLocation.of(e));
    }
  }

  /** True when the tree nests deeper than allowed (checked without recursion). */
  boolean tooDeep(JsonNode root) {
    Deque<JsonNode> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(1);
    while (!nodes.isEmpty()) {
      JsonNode node = nodes.pop();
      int depth = depths.pop();
      if (node.isContainerNode()) {
        if (depth > options.maxNestingDepth()) {
          return true;
        }
        node.elements().forEachRemaining(child -> {
          nodes.push(child);
          depths.push(depth + 1);
        });
      }
    }
    return false;
  }

  String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JsonNode tree always serializes", e);
    }
  }
}
