package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.model.QueryLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of each scope: the top level (Comment, StartAt, States, TimeoutSeconds, Version,
 * QueryLanguage), each Parallel branch (Comment, StartAt, States) and each Map ItemProcessor
 * (also ProcessorConfig). StartAt and States are required (one AWS message names both, States
 * first), States is a non-empty object of objects, and StartAt names one of them.
 */
public final class ScopeStructureRule implements ValidationRule {
  private static final Set<String> TOP_LEVEL = Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");
  private static final Set<String> BRANCH = Set.of("Comment", "StartAt", "States");
  private static final Set<String> ITEM_PROCESSOR = Set.of("Comment", "StartAt", "States", "ProcessorConfig");

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    if (!definition.root().isObject()) {
      out.error(NOT_AN_OBJECT, "", AwsMessages.NOT_AN_OBJECT);
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
        out.error(UNKNOWN_FIELD, Diagnostics.child(scope.pointer(), field), AwsMessages.fieldNotSupported(field));
      }
    });
    checkComment(scope, out);
    JsonNode startAt = scope.node().path("StartAt");
    JsonNode states = scope.node().path("States");
    List<String> missing = new ArrayList<>();
    if (states.isMissingNode()) {
      missing.add("States");
    }
    if (startAt.isMissingNode()) {
      missing.add("StartAt");
    }
    if (!missing.isEmpty()) {
      out.error(MISSING_REQUIRED_FIELD, scope.pointer(), AwsMessages.fieldsRequired(missing));
    }
    if (!startAt.isMissingNode() && !startAt.isTextual()) {
      out.error(INVALID_TYPE, scope.pointer() + "/StartAt", "StartAt must be a string");
    }
    if (states.isMissingNode()) {
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
      out.error(MISSING_TRANSITION_TARGET, scope.pointer() + "/StartAt", AwsMessages.missingNextTarget(startAt.textValue()));
    }
  }

  private static void checkComment(ScopeView scope, Diagnostics out) {
    JsonNode comment = scope.node().path("Comment");
    if (!comment.isMissingNode() && !comment.isTextual()) {
      out.error(INVALID_TYPE, scope.pointer() + "/Comment", "Comment must be a string");
    }
  }
}
