package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;
import java.util.List;
import java.util.Set;

/**
 * Parallel: Branches is a non-empty array of scopes. Map: ItemProcessor (or the legacy Iterator,
 * not both) with ProcessorConfig Mode INLINE|DISTRIBUTED and, for DISTRIBUTED, ExecutionType
 * STANDARD|EXPRESS; ItemSelector and legacy Parameters are exclusive; ItemReader, ItemBatcher,
 * ResultWriter, ToleratedFailure* and Label need a DISTRIBUTED Map (except ToleratedFailureCount and
 * ToleratedFailurePercentage in JSONata mode, which AWS accepts inline too); MaxConcurrency and
 * ToleratedFailureCount are non-negative integers, ToleratedFailurePercentage a number from 0 to
 * 100, Label at most 40 characters. The nested scopes themselves are checked like the top level.
 */
public final class MapParallelRule implements ValidationRule {
  private static final List<String> DISTRIBUTED_ONLY = List.of("ItemReader", "ItemBatcher", "ResultWriter",
      "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath", "Label");
  /** AWS accepts these on an inline Map in JSONata mode (behaviour recorded on AWS, issue 14). */
  private static final Set<String> INLINE_IN_JSONATA = Set.of("ToleratedFailurePercentage", "ToleratedFailureCount");
  private static final Set<String> PROCESSOR_CONFIG_FIELDS = Set.of("Mode", "ExecutionType");
  private static final int MAX_LABEL_LENGTH = 40;

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    for (StateView state : definition.states()) {
      if ("Parallel".equals(state.type())) {
        checkBranches(state, out);
      } else if ("Map".equals(state.type())) {
        checkMap(state, out);
      }
    }
  }

  private void checkBranches(StateView state, Diagnostics out) {
    JsonNode branches = state.get("Branches");
    if (branches.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, state.pointer(), "A Parallel state must have a 'Branches' field");
    } else if (branches.isArray() && branches.isEmpty()) {
      out.error(INVALID_VALUE, state.pointer("Branches"), AwsMessages.VALUE_CANNOT_BE_EMPTY);
    } else if (branches.isArray()) {
      for (int i = 0; i < branches.size(); i++) {
        if (!branches.get(i).isObject()) {
          out.error(INVALID_TYPE, state.pointer("Branches") + "/" + i, "A branch must be an object with StartAt and States");
        }
      }
    }
  }

  private void checkMap(StateView state, Diagnostics out) {
    if (ExclusiveFields.atMostOne(state, out, "ItemProcessor", "Iterator") == 0) {
      out.error(MISSING_REQUIRED_FIELD, state.pointer(), "A Map state must have an 'ItemProcessor' field");
    }
    ExclusiveFields.atMostOne(state, out, "ItemSelector", "Parameters");
    ExclusiveFields.atMostOne(state, out, "MaxConcurrency", "MaxConcurrencyPath");
    ExclusiveFields.atMostOne(state, out, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    ExclusiveFields.atMostOne(state, out, "ToleratedFailureCount", "ToleratedFailureCountPath");
    boolean distributed = checkProcessorConfig(state, out);
    if (!distributed) {
      DISTRIBUTED_ONLY.stream().filter(state::has)
          .filter(field -> !(state.jsonata() && INLINE_IN_JSONATA.contains(field)))
          .forEach(field -> out.error(FIELD_REQUIRES_DISTRIBUTED_MAP,
          state.pointer(field), field + " is only allowed in a Map state whose ProcessorConfig Mode is DISTRIBUTED"));
    }
    checkRange(state, "MaxConcurrency", 0, Long.MAX_VALUE, out);
    checkRange(state, "ToleratedFailureCount", 0, Long.MAX_VALUE, out);
    JsonNode percentage = state.get("ToleratedFailurePercentage");
    if (percentage.isNumber() && (percentage.doubleValue() < 0 || percentage.doubleValue() > 100)) {
      out.error(INVALID_VALUE, state.pointer("ToleratedFailurePercentage"), "ToleratedFailurePercentage must be from 0 to 100");
    }
    JsonNode label = state.get("Label");
    if (label.isTextual() && label.textValue().codePointCount(0, label.textValue().length()) > MAX_LABEL_LENGTH) {
      out.error(INVALID_VALUE, state.pointer("Label"), "Label must be at most " + MAX_LABEL_LENGTH + " characters");
    }
  }

  /** Returns true when the Map is DISTRIBUTED. */
  private boolean checkProcessorConfig(StateView state, Diagnostics out) {
    String processorField = state.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    JsonNode config = state.get(processorField).path("ProcessorConfig");
    String pointer = state.pointer(processorField) + "/ProcessorConfig";
    if (config.isMissingNode()) {
      return false;
    }
    if (!config.isObject()) {
      out.error(INVALID_TYPE, pointer, "ProcessorConfig must be an object");
      return false;
    }
    config.fieldNames().forEachRemaining(field -> {
      if (!PROCESSOR_CONFIG_FIELDS.contains(field)) {
        out.error(UNKNOWN_FIELD, pointer + "/" + Diagnostics.token(field), AwsMessages.fieldNotSupported(field));
      }
    });
    JsonNode mode = config.path("Mode");
    if (!mode.isMissingNode() && !(mode.isTextual() && Set.of("INLINE", "DISTRIBUTED").contains(mode.textValue()))) {
      out.error(INVALID_VALUE, pointer + "/Mode", "Mode must be \"INLINE\" or \"DISTRIBUTED\"");
    }
    boolean distributed = "DISTRIBUTED".equals(mode.asText());
    JsonNode executionType = config.path("ExecutionType");
    if (distributed && executionType.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, pointer, "A DISTRIBUTED ProcessorConfig needs ExecutionType STANDARD or EXPRESS");
    } else if (!executionType.isMissingNode() && !distributed) {
      out.error(FIELD_REQUIRES_DISTRIBUTED_MAP, pointer + "/ExecutionType", "ExecutionType is only allowed with Mode DISTRIBUTED");
    } else if (!executionType.isMissingNode()
        && !(executionType.isTextual() && Set.of("STANDARD", "EXPRESS").contains(executionType.textValue()))) {
      out.error(INVALID_VALUE, pointer + "/ExecutionType", "ExecutionType must be \"STANDARD\" or \"EXPRESS\"");
    }
    return distributed;
  }

  private static void checkRange(StateView state, String field, long min, long max, Diagnostics out) {
    JsonNode value = state.get(field);
    if (value.isNumber() && !JsonTypes.isIntegerBetween(value, min, max)) {
      out.error(INVALID_VALUE, state.pointer(field), field + " must be a non-negative integer");
    }
  }
}
