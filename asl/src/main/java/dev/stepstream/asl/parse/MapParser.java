package dev.stepstream.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.model.DistributedMapConfig;
import dev.stepstream.asl.model.DynamicValue;
import dev.stepstream.asl.model.ItemProcessor;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.asl.model.ProcessorMode;
import java.util.Optional;

/** Builds Map states: ItemProcessor (or legacy Iterator), items source, ItemSelector and the DISTRIBUTED settings. */
final class MapParser {
  private final FieldCompiler fields;
  private final DataFlowParser flows;
  private final ErrorHandlingParser errors;
  private final GraphParser graphs;

  MapParser(FieldCompiler fields, DataFlowParser flows, ErrorHandlingParser errors, GraphParser graphs) {
    this.fields = fields;
    this.flows = flows;
    this.errors = errors;
    this.graphs = graphs;
  }

  MapState parse(ParsedState state) {
    ItemProcessor processor = processor(state);
    DistributedMapConfig distributed = processor != null && processor.mode() == ProcessorMode.DISTRIBUTED
        ? distributed(state)
        : DistributedMapConfig.NONE;
    return new MapState(
        state.name(),
        StateParser.comment(state),
        state.language(),
        flows.parse(state, null),
        processor,
        items(state),
        itemSelector(state),
        fields.dynamic(state, "MaxConcurrency", "MaxConcurrencyPath"),
        distributed,
        errors.retriers(state),
        errors.catchers(state),
        StateParser.transition(state));
  }

  private ItemProcessor processor(ParsedState state) {
    String field = state.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    JsonNode node = state.get(field);
    JsonNode config = node.path("ProcessorConfig");
    ProcessorMode mode = "DISTRIBUTED".equals(config.path("Mode").asText()) ? ProcessorMode.DISTRIBUTED : ProcessorMode.INLINE;
    JsonNode executionType = config.path("ExecutionType");
    Optional<String> execution = executionType.isTextual() ? Optional.of(executionType.textValue()) : Optional.empty();
    return new ItemProcessor(mode, execution, graphs.parse(node, state.pointer(field)));
  }

  private Optional<DynamicValue> items(ParsedState state) {
    if (!state.jsonata()) {
      JsonNode itemsPath = state.get("ItemsPath");
      String pointer = state.pointer("ItemsPath");
      return Optional.ofNullable(itemsPath.isMissingNode() ? fields.path("$", pointer) : fields.path(itemsPath, pointer))
          .map(DynamicValue.FromPath::new);
    }
    JsonNode items = state.get("Items");
    if (items.isMissingNode()) {
      return Optional.empty();
    }
    // A literal array may itself hold {% %} elements, so it is compiled like any JSONata value.
    return fields.jsonata(items, state.pointer("Items")).map(DynamicValue.Computed::new);
  }

  private Optional<Expression> itemSelector(ParsedState state) {
    String field = state.has("ItemSelector") || state.jsonata() ? "ItemSelector" : "Parameters";
    return fields.template(state.get(field), state.pointer(field), state.jsonata());
  }

  private DistributedMapConfig distributed(ParsedState state) {
    return new DistributedMapConfig(
        state.raw("ItemReader"),
        state.raw("ItemBatcher"),
        state.raw("ResultWriter"),
        fields.dynamic(state, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath"),
        fields.dynamic(state, "ToleratedFailureCount", "ToleratedFailureCountPath"),
        state.text("Label"),
        compiled(state, "ItemReader"),
        compiled(state, "ResultWriter"));
  }

  private Optional<Expression> compiled(ParsedState state, String field) {
    return state.has(field) ? fields.template(state.get(field), state.pointer(field), state.jsonata()) : Optional.empty();
  }
}
