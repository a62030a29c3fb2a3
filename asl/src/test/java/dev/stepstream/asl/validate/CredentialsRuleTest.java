package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compile;
import static dev.stepstream.asl.testing.Definitions.compileStates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** Wording: LocalStack's test_credentials_base snapshots, recorded on AWS (EMPTY_CREDENTIALS, INVALID_CREDENTIALS_FIELD). */
class CredentialsRuleTest {

  private static ValidationResult task(String credentials) {
    return compileStates("State0", "'State0':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:1:function:f',"
        + "'Credentials':" + credentials + ",'End':true}");
  }

  @Test
  void shouldRequireRoleArnInEmptyCredentials() {
    assertThat(task("{}").diagnostics()).extracting(Diagnostic::toString).containsExactly(
        "ERROR MISSING_REQUIRED_FIELD at /States/State0/Credentials: The field 'RoleArn' is required but was missing");
  }

  @Test
  void shouldReportOnlyTheMissingRoleArnBesideAnUnknownField() {
    assertThat(task("{'InvalidField':'invalid'}").diagnostics()).extracting(Diagnostic::message)
        .containsExactly("The field 'RoleArn' is required but was missing");
  }

  @Test
  void shouldAcceptRoleArnOrItsPathForm() {
    assertValid(task("{'RoleArn':'arn:aws:iam::111111111111:role/Other'}"));
    assertValid(task("{'RoleArn.$':'$.role'}"));
  }

  @Test
  void shouldRefuseTheRoleArnPathFormInJsonata() {
    ValidationResult result = compile("{'QueryLanguage':'JSONata','StartAt':'S','States':{'S':{'Type':'Task',"
        + "'Resource':'arn:aws:lambda:us-east-1:1:function:f','Credentials':{'RoleArn.$':'$.role'},'End':true}}}");
    assertHas(result, "MISSING_REQUIRED_FIELD", "/States/S/Credentials");
  }

  @Test
  void shouldRefuseAnUnknownFieldBesideRoleArnAndANonStringRoleArn() {
    assertHas(task("{'RoleArn':'arn:aws:iam::1:role/r','Extra':1}"), "UNKNOWN_FIELD", "/States/State0/Credentials/Extra");
    assertHas(task("{'RoleArn':42}"), "INVALID_TYPE", "/States/State0/Credentials/RoleArn");
    assertHas(task("{'RoleArn':'a','RoleArn.$':'$.r'}"), "CONFLICTING_FIELDS", "/States/State0/Credentials/RoleArn.$");
  }
}
