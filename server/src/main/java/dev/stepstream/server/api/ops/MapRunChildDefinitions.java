package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The definition a Distributed Map's child execution runs, for DescribeStateMachineForExecution: the
 * ItemProcessor of the parent definition's DISTRIBUTED Map whose Label is the child's label (or the
 * only unlabelled one), as a state machine definition (its StartAt and States, the Map's
 * QueryLanguage). The engine derives the same from the parent's revision ({@code MapRunChildren}).
 */
final class MapRunChildDefinitions {
  private MapRunChildDefinitions() {}

  /** The label of a Map Run child's state machine ARN ({@code ...:stateMachine:<machine>/<label>}). */
  static String label(String childStateMachineArn) {
    return childStateMachineArn.substring(childStateMachineArn.indexOf('/') + 1);
  }

  static Optional<String> itemProcessor(String parentDefinition, String label) {
    JsonNode root;
    try {
      root = WireJson.mapper().readTree(parentDefinition);
    } catch (IOException e) {
      return Optional.empty();
    }
    List<JsonNode> maps = new ArrayList<>();
    collect(root.path("States"), maps);
    JsonNode chosen = maps.stream().filter(m -> label.equals(m.path("Label").asText(null))).findFirst()
        .orElse(maps.stream().filter(m -> !m.has("Label")).count() == 1
            ? maps.stream().filter(m -> !m.has("Label")).findFirst().get() : null);
    if (chosen == null) {
      return Optional.empty();
    }
    JsonNode processor = chosen.path("ItemProcessor");
    ObjectNode definition = AwsJson.object();
    if (chosen.has("QueryLanguage") || root.has("QueryLanguage")) {
      definition.set("QueryLanguage", chosen.has("QueryLanguage") ? chosen.get("QueryLanguage") : root.get("QueryLanguage"));
    }
    definition.set("StartAt", processor.path("StartAt"));
    definition.set("States", processor.path("States"));
    return Optional.of(definition.toString());
  }

  /** Every DISTRIBUTED Map state in {@code states}, nested ones too. */
  private static void collect(JsonNode states, List<JsonNode> maps) {
    for (Iterator<JsonNode> it = states.elements(); it.hasNext(); ) {
      JsonNode state = it.next();
      if ("Map".equals(state.path("Type").asText())) {
        if ("DISTRIBUTED".equals(state.at("/ItemProcessor/ProcessorConfig/Mode").asText())) {
          maps.add(state);
        }
        collect(state.path("ItemProcessor").path("States"), maps);
        collect(state.path("Iterator").path("States"), maps);
      } else if ("Parallel".equals(state.path("Type").asText())) {
        state.path("Branches").forEach(branch -> collect(branch.path("States"), maps));
      }
    }
  }
}
