package dev.stepstream.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.eval.ResultPathExpression;
import dev.stepstream.asl.model.DataFlow;
import dev.stepstream.asl.model.JsonPathFlow;
import dev.stepstream.asl.model.JsonataFlow;
import java.util.Optional;

/**
 * Compiles a state's input/output fields. JSONPath: InputPath, OutputPath and ResultPath default to
 * a compiled {@code $}; an explicit JSON null is kept as a null field (see {@link JsonPathFlow}).
 */
final class DataFlowParser {
  private static final String ROOT = "$";
  private final FieldCompiler fields;

  DataFlowParser(FieldCompiler fields) {
    this.fields = fields;
  }

  /** The flow of a state; {@code parametersField} is "Parameters" or null where it is not I/O (Map). */
  DataFlow parse(ParsedState state, String parametersField) {
    if (state.jsonata()) {
      return new JsonataFlow(
          fields.jsonata(state.get("Arguments"), state.pointer("Arguments")),
          fields.jsonata(state.get("Output"), state.pointer("Output")),
          fields.jsonata(state.get("Assign"), state.pointer("Assign")));
    }
    Optional<Expression> parameters = parametersField == null
        ? Optional.empty()
        : fields.payloadTemplate(state.get(parametersField), state.pointer(parametersField));
    return new JsonPathFlow(
        pathOrDefault(state, "InputPath"),
        parameters,
        fields.payloadTemplate(state.get("ResultSelector"), state.pointer("ResultSelector")),
        resultPathOrDefault(state.get("ResultPath"), state.pointer("ResultPath")),
        pathOrDefault(state, "OutputPath"),
        fields.payloadTemplate(state.get("Assign"), state.pointer("Assign")));
  }

  /** The flow of a Fail state, which has no I/O fields: the identity. */
  DataFlow identity(ParsedState state) {
    if (state.jsonata()) {
      return new JsonataFlow(Optional.empty(), Optional.empty(), Optional.empty());
    }
    PathExpression root = fields.path(ROOT, state.pointer());
    return new JsonPathFlow(root, Optional.empty(), Optional.empty(), fields.resultPath(ROOT, state.pointer()), root, Optional.empty());
  }

  private PathExpression pathOrDefault(ParsedState state, String field) {
    JsonNode value = state.get(field);
    if (value.isNull()) {
      return null;
    }
    return value.isMissingNode() ? fields.path(ROOT, state.pointer(field)) : fields.path(value, state.pointer(field));
  }

  /** ResultPath: absent = {@code $}; JSON null = null (discard the result). */
  ResultPathExpression resultPathOrDefault(JsonNode value, String pointer) {
    if (value.isNull()) {
      return null;
    }
    return value.isMissingNode() ? fields.resultPath(ROOT, pointer) : fields.resultPath(value, pointer);
  }
}
