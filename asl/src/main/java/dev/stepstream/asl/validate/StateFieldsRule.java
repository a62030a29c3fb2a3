package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.model.QueryLanguage;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Type is required and known; QueryLanguage is valid (and not JSONPath under a JSONata top level,
 * which AWS rejects); every field is one the type accepts in the state's query language.
 */
public final class StateFieldsRule implements ValidationRule {

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    for (StateView state : definition.states()) {
      checkQueryLanguage(state, definition.topLanguage(), out);
      checkType(state, out);
    }
  }

  private void checkQueryLanguage(StateView state, QueryLanguage top, Diagnostics out) {
    JsonNode language = state.get("QueryLanguage");
    if (language.isMissingNode()) {
      return;
    }
    Optional<QueryLanguage> parsed = language.isTextual() ? QueryLanguage.fromJson(language.textValue()) : Optional.empty();
    if (parsed.isEmpty()) {
      out.error(INVALID_VALUE, state.pointer("QueryLanguage"), "QueryLanguage must be \"JSONPath\" or \"JSONata\"");
    } else if (top == QueryLanguage.JSONATA && parsed.get() == QueryLanguage.JSONPATH) {
      out.error(INVALID_VALUE, state.pointer(), AwsMessages.JSONPATH_UNDER_JSONATA);
    }
  }

  private void checkType(StateView state, Diagnostics out) {
    JsonNode type = state.get("Type");
    if (type.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, state.pointer(), AwsMessages.fieldsRequired(java.util.List.of("Type")));
      return;
    }
    if (!type.isTextual() || !FieldCatalog.STATE_TYPES.contains(type.textValue())) {
      out.error(INVALID_VALUE, state.pointer("Type"), AwsMessages.shouldBeOneOf("Type", AwsMessages.STATE_TYPES));
      return;
    }
    checkFields(state, type.textValue(), out);
  }

  private void checkFields(StateView state, String type, Diagnostics out) {
    Set<String> allowed = FieldCatalog.allowed(type, state.language());
    QueryLanguage other = state.jsonata() ? QueryLanguage.JSONPATH : QueryLanguage.JSONATA;
    Set<String> allowedInOther = FieldCatalog.allowed(type, other);
    for (Iterator<String> it = state.node().fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (allowed.contains(field)) {
        continue;
      }
      if (allowedInOther.contains(field)) {
        out.error(FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE, state.pointer(field),
            AwsMessages.onlyForQueryLanguage(state.language().jsonName(), field, other.jsonName()));
      } else {
        out.error(UNKNOWN_FIELD, state.pointer(field), AwsMessages.fieldNotSupported(field));
      }
    }
  }
}
