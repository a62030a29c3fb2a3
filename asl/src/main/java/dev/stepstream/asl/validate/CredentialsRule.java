package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.INVALID_TYPE;
import static dev.stepstream.asl.validate.DiagnosticCodes.MISSING_REQUIRED_FIELD;
import static dev.stepstream.asl.validate.DiagnosticCodes.UNKNOWN_FIELD;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;

/**
 * A Task's {@code Credentials} object holds exactly the role to assume: {@code RoleArn} (a string,
 * in JSONata mode possibly a {@code {% %}} expression) or, in JSONPath mode, {@code RoleArn.$} (a
 * path or intrinsic). AWS reports a missing RoleArn alone, even beside an unknown field (LocalStack's
 * test_credentials_base snapshots, recorded on AWS, for {@code {}} and {@code {"InvalidField": ...}}).
 * A Credentials value that is not an object is FieldTypeRule's to report.
 */
public final class CredentialsRule implements ValidationRule {
  private static final String ROLE_ARN = "RoleArn";
  private static final String ROLE_ARN_PATH = "RoleArn.$";

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    for (StateView state : definition.states()) {
      JsonNode credentials = state.get("Credentials");
      if ("Task".equals(state.type()) && credentials.isObject()) {
        checkCredentials(state, credentials, out);
      }
    }
  }

  private void checkCredentials(StateView state, JsonNode credentials, Diagnostics out) {
    String pointer = state.pointer("Credentials");
    boolean pathAllowed = !state.jsonata();
    if (!credentials.has(ROLE_ARN) && !(pathAllowed && credentials.has(ROLE_ARN_PATH))) {
      out.error(MISSING_REQUIRED_FIELD, pointer, AwsMessages.fieldRequired(ROLE_ARN));
      return;
    }
    credentials.fieldNames().forEachRemaining(field -> {
      boolean known = field.equals(ROLE_ARN) || (pathAllowed && field.equals(ROLE_ARN_PATH));
      if (!known) {
        out.error(UNKNOWN_FIELD, Diagnostics.child(pointer, field), AwsMessages.fieldNotSupported(field));
      } else if (!credentials.get(field).isTextual()) {
        out.error(INVALID_TYPE, Diagnostics.child(pointer, field),
            field + " must be a string, not " + JsonTypes.typeName(credentials.get(field)));
      }
    });
    if (credentials.has(ROLE_ARN) && credentials.has(ROLE_ARN_PATH)) {
      ExclusiveFields.atMostOne(new StateView(state.name(), pointer, credentials, state.language(), state.scope()),
          out, ROLE_ARN, ROLE_ARN_PATH);
    }
  }
}
