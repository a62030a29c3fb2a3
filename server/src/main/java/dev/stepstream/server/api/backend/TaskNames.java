package dev.stepstream.server.api.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.model.Resource;
import dev.stepstream.asl.model.ResourceKind;
import dev.stepstream.engine.task.ResourceMapping;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The task names ({@code tasks.<name>} topics) a definition's Task states need, found by walking
 * the definition (branches, item processors) and naming each Resource as the engine's
 * {@link ResourceMapping} does. A {@code lambda:invoke} whose FunctionName is computed per
 * execution cannot be named here; the processor creates its topic on first use.
 */
public final class TaskNames {
  private TaskNames() {}

  public static Set<String> of(JsonNode definition) {
    Set<String> names = new LinkedHashSet<>();
    collect(definition, names);
    return names;
  }

  private static void collect(JsonNode graph, Set<String> names) {
    Iterator<Map.Entry<String, JsonNode>> states = graph.path("States").fields();
    while (states.hasNext()) {
      JsonNode state = states.next().getValue();
      String type = state.path("Type").asText();
      if ("Task".equals(type)) {
        taskName(state).ifPresent(names::add);
      } else if ("Parallel".equals(type)) {
        state.path("Branches").forEach(branch -> collect(branch, names));
      } else if ("Map".equals(type)) {
        collect(state.has("ItemProcessor") ? state.path("ItemProcessor") : state.path("Iterator"), names);
      }
    }
  }

  private static java.util.Optional<String> taskName(JsonNode state) {
    return Resource.parse(state.path("Resource").asText(null)).flatMap(resource -> {
      if (resource.kind() == ResourceKind.SERVICE_INTEGRATION && "lambda:invoke".equals(resource.shortName())) {
        JsonNode args = state.has("Arguments") ? state.path("Arguments") : state.path("Parameters");
        JsonNode function = args.get("FunctionName");
        boolean literal = function != null && function.isTextual() && !function.textValue().startsWith("{%");
        return literal ? java.util.Optional.of(ResourceMapping.functionName(function.textValue()))
            : java.util.Optional.empty();
      }
      return java.util.Optional.of(ResourceMapping.target(resource, com.fasterxml.jackson.databind.node.NullNode.instance)
          .taskName());
    });
  }
}
