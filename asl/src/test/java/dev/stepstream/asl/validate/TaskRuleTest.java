package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compileStates;

import dev.stepstream.asl.ValidationResult;
import org.junit.jupiter.api.Test;

class TaskRuleTest {

  private static ValidationResult task(String fields) {
    return compileStates("T", "'T':{'Type':'Task'," + fields + ",'End':true}");
  }

  @Test
  void shouldRequireResource() {
    assertHas(compileStates("T", "'T':{'Type':'Task','End':true}"), "MISSING_REQUIRED_FIELD", "/States/T");
  }

  @Test
  void shouldRequireResourceToBeAnArn() {
    assertHas(task("'Resource':'SalvarImagem'"), "INVALID_ARN", "/States/T/Resource");
    assertHas(task("'Resource':'arn:aws:states:::lambda'"), "INVALID_ARN", "/States/T/Resource");
    assertValid(task("'Resource':'arn:aws:lambda:REGIAO:ID:function:SalvarImagem'"));
  }

  @Test
  void shouldRequirePositiveTimeouts() {
    assertHas(task("'Resource':'arn:aws:states:::a:b','TimeoutSeconds':0"), "INVALID_VALUE", "/States/T/TimeoutSeconds");
    assertHas(task("'Resource':'arn:aws:states:::a:b','HeartbeatSeconds':-5"), "INVALID_VALUE", "/States/T/HeartbeatSeconds");
    assertHas(task("'Resource':'arn:aws:states:::a:b','TimeoutSeconds':100000000"), "INVALID_VALUE", "/States/T/TimeoutSeconds");
  }

  @Test
  void shouldRequireHeartbeatBelowTimeout() {
    assertValid(task("'Resource':'arn:aws:states:::a:b','TimeoutSeconds':10,'HeartbeatSeconds':9"));
    assertHas(task("'Resource':'arn:aws:states:::a:b','TimeoutSeconds':10,'HeartbeatSeconds':10"), "INVALID_VALUE", "/States/T/HeartbeatSeconds");
    assertHas(task("'Resource':'arn:aws:states:::a:b','HeartbeatSeconds':99999999"), "INVALID_VALUE", "/States/T/HeartbeatSeconds");
  }

  @Test
  void shouldMakeTimeoutsExclusiveWithTheirPaths() {
    assertHas(task("'Resource':'arn:aws:states:::a:b','TimeoutSeconds':5,'TimeoutSecondsPath':'$.t'"),
        "CONFLICTING_FIELDS", "/States/T/TimeoutSecondsPath");
    assertHas(task("'Resource':'arn:aws:states:::a:b','HeartbeatSeconds':5,'HeartbeatSecondsPath':'$.t'"),
        "CONFLICTING_FIELDS", "/States/T/HeartbeatSecondsPath");
  }
}
