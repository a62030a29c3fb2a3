package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.model.QueryLanguage;
import java.util.Map;
import java.util.Set;

/**
 * The shape of each scope: the top level (Comment, StartAt, States, TimeoutSeconds, Version,
 * QueryLanguage), each Parallel branch (Comment, StartAt, States) and each Map ItemProcessor
 * (also ProcessorConfig). StartAt and States are required, States is a non-empty object of objects,
 * and StartAt names one of them.
 */
public final class ScopeStructureRule implements ValidationRule {
  private static final Set<String> TOP_LEVEL = Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");
  private static final Set<String> BRANCH = Set.of("Comment", "StartAt", "States");
  private static final Set<String> ITEM_PROCESSOR = Set.of("Comment", "StartAt", "States", "ProcessorConfig");

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    if (!definition.root().isObject()) {
      out.error(INVALID_TYPE, "", "A state machine definition must be a JSON object, not " + JsonTypes.typeName(definition.root()));
      return;
    }
    checkTopLevelFields(definition.root(), out);
    for (ScopeView scope : definition.scopes()) {
      checkScope(scope, out);
    }
  }

  private void checkTopLevelFields(JsonNode root, Diagnostics out) {
    JsonNode timeout = root.path("TimeoutSeconds");
    if (!timeout.isMissingNode() && !JsonTypes.isIntegerBetween(timeout, 1, 99_999_999)) {
      out.error(INVALID_VALUE, "/TimeoutSeconds", "TimeoutSeconds must be a positive integer (at most 99999999)");
    }
    JsonNode version = root.path("Version");
    if (!version.isMissingNode() && !version.isTextual()) {
      out.error(INVALID_TYPE, "/Version", "Version must be a string");
    }
    JsonNode language = root.path("QueryLanguage");
    if (!language.isMissingNode() && !(language.isTextual() && QueryLanguage.fromJson(language.textValue()).isPresent())) {
      out.error(INVALID_VALUE, "/QueryLanguage", "QueryLanguage must be \"JSONPath\" or \"JSONata\"");
    }
  }

  private void checkScope(ScopeView scope, Diagnostics out) {
    Set<String> allowed = switch (scope.kind()) {
      case TOP_LEVEL -> TOP_LEVEL;
      case BRANCH -> BRANCH;
      case ITEM_PROCESSOR -> ITEM_PROCESSOR;
    };
    scope.node().fieldNames().forEachRemaining(field -> {
      if (!allowed.contains(field)) {
        out.error(UNKNOWN_FIELD, Diagnostics.child(scope.pointer(), field), "Field '" + field + "' is not allowed here");
      }
    });
    checkComment(scope, out);
    JsonNode startAt = scope.node().path("StartAt");
    if (startAt.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, scope.pointer(), "Missing required field 'StartAt'");
    } else if (!startAt.isTextual()) {
      out.error(INVALID_TYPE, scope.pointer() + "/StartAt", "StartAt must be a string");
    }
    JsonNode states = scope.node().path("States");
    if (states.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, scope.pointer(), "Missing required field 'States'");
      return;
    }
    if (!states.isObject()) {
      out.error(INVALID_TYPE, scope.statesPointer(), "States must be an object");
      return;
    }
    if (states.isEmpty()) {
      out.error(INVALID_VALUE, scope.statesPointer(), "States must contain at least one state");
    }
    for (Map.Entry<String, JsonNode> state : scope.states().entrySet()) {
      if (!state.getValue().isObject()) {
        out.error(INVALID_TYPE, Diagnostics.child(scope.statesPointer(), state.getKey()), "A state must be a JSON object");
      }
    }
    if (startAt.isTextual() && !states.has(startAt.textValue())) {
      out.error(MISSING_TRANSITION_TARGET, scope.pointer() + "/StartAt",
          "StartAt names a state that does not exist in this scope: '" + startAt.textValue() + "'");
    }
  }

  private static void checkComment(ScopeView scope, Diagnostics out) {
    JsonNode comment = scope.node().path("Comment");
    if (!comment.isMissingNode() && !comment.isTextual()) {
      out.error(INVALID_TYPE, scope.pointer() + "/Comment", "Comment must be a string");
    }
  }
}
