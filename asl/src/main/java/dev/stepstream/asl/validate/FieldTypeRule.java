package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.INVALID_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.Diagnostics;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The JSON type of every state field. In JSONata mode, value fields (numbers, Arguments, Items,
 * ItemSelector, Credentials) may instead hold a {@code {% %}} expression string. Ranges are checked by
 * the rule of each state type.
 */
public final class FieldTypeRule implements ValidationRule {

  private enum Kind {
    STRING("a string", JsonNode::isTextual, false),
    STRING_OR_NULL("a string or null", n -> n.isTextual() || n.isNull(), false),
    BOOLEAN("a boolean", JsonNode::isBoolean, false),
    STRUCTURE("an object", JsonNode::isObject, false),
    LIST("an array", JsonNode::isArray, false),
    OBJECT("an object", JsonNode::isObject, true),
    ARRAY_OR_OBJECT("an array or object", JsonNode::isContainerNode, true),
    INTEGER("an integer", JsonTypes::isInteger, true),
    NUMBER("a number", JsonNode::isNumber, true),
    ANY("any value", n -> true, false);

    private final String description;
    private final Predicate<JsonNode> accepts;
    private final boolean jsonataAllowed;

    Kind(String description, Predicate<JsonNode> accepts, boolean jsonataAllowed) {
      this.description = description;
      this.accepts = accepts;
      this.jsonataAllowed = jsonataAllowed;
    }
  }

  private static final Map<String, Kind> KINDS = Map.ofEntries(
      Map.entry("Type", Kind.ANY),
      Map.entry("QueryLanguage", Kind.ANY),
      Map.entry("Comment", Kind.STRING),
      Map.entry("Next", Kind.STRING),
      Map.entry("End", Kind.BOOLEAN),
      Map.entry("Default", Kind.STRING),
      Map.entry("Resource", Kind.STRING),
      Map.entry("Label", Kind.STRING),
      Map.entry("InputPath", Kind.STRING_OR_NULL),
      Map.entry("OutputPath", Kind.STRING_OR_NULL),
      Map.entry("ResultPath", Kind.STRING_OR_NULL),
      Map.entry("ItemsPath", Kind.STRING),
      Map.entry("TimeoutSecondsPath", Kind.STRING),
      Map.entry("HeartbeatSecondsPath", Kind.STRING),
      Map.entry("SecondsPath", Kind.STRING),
      Map.entry("TimestampPath", Kind.STRING),
      Map.entry("ErrorPath", Kind.STRING),
      Map.entry("CausePath", Kind.STRING),
      Map.entry("MaxConcurrencyPath", Kind.STRING),
      Map.entry("ToleratedFailurePercentagePath", Kind.STRING),
      Map.entry("ToleratedFailureCountPath", Kind.STRING),
      Map.entry("Error", Kind.STRING),
      Map.entry("Cause", Kind.STRING),
      Map.entry("Timestamp", Kind.STRING),
      Map.entry("Parameters", Kind.STRUCTURE),
      Map.entry("ResultSelector", Kind.STRUCTURE),
      Map.entry("Assign", Kind.STRUCTURE),
      Map.entry("Arguments", Kind.OBJECT),
      Map.entry("ItemSelector", Kind.OBJECT),
      Map.entry("Credentials", Kind.OBJECT),
      Map.entry("Items", Kind.ARRAY_OR_OBJECT),
      Map.entry("ItemProcessor", Kind.STRUCTURE),
      Map.entry("Iterator", Kind.STRUCTURE),
      Map.entry("ItemReader", Kind.STRUCTURE),
      Map.entry("ItemBatcher", Kind.STRUCTURE),
      Map.entry("ResultWriter", Kind.STRUCTURE),
      Map.entry("Retry", Kind.LIST),
      Map.entry("Catch", Kind.LIST),
      Map.entry("Branches", Kind.LIST),
      Map.entry("Choices", Kind.LIST),
      Map.entry("TimeoutSeconds", Kind.INTEGER),
      Map.entry("HeartbeatSeconds", Kind.INTEGER),
      Map.entry("Seconds", Kind.INTEGER),
      Map.entry("MaxConcurrency", Kind.INTEGER),
      Map.entry("ToleratedFailureCount", Kind.INTEGER),
      Map.entry("ToleratedFailurePercentage", Kind.NUMBER),
      Map.entry("Result", Kind.ANY),
      Map.entry("Output", Kind.ANY));

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    for (StateView state : definition.states()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = state.node().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        Kind kind = KINDS.get(field.getKey());
        if (kind != null && !accepts(kind, field.getValue(), state.jsonata())) {
          String alternative = kind.jsonataAllowed && state.jsonata() ? " or a JSONata expression" : "";
          out.error(INVALID_TYPE, state.pointer(field.getKey()),
              field.getKey() + " must be " + kind.description + alternative + ", not " + JsonTypes.typeName(field.getValue()));
        }
      }
    }
  }

  private static boolean accepts(Kind kind, JsonNode value, boolean jsonata) {
    return kind.accepts.test(value) || (jsonata && kind.jsonataAllowed && JsonTypes.isJsonata(value));
  }
}
