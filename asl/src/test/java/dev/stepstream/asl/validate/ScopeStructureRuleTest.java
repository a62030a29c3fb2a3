package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compile;

import org.junit.jupiter.api.Test;

class ScopeStructureRuleTest {

  @Test
  void shouldRequireStartAtAndStates() {
    assertHas(compile("{'States':{'A':{'Type':'Succeed'}}}"), "MISSING_REQUIRED_FIELD", "");
    assertHas(compile("{'StartAt':'A'}"), "MISSING_REQUIRED_FIELD", "");
  }

  @Test
  void shouldRequireStartAtToNameAState() {
    assertHas(compile("{'StartAt':'Nope','States':{'A':{'Type':'Succeed'}}}"), "MISSING_TRANSITION_TARGET", "/StartAt");
  }

  @Test
  void shouldRequireStatesToBeANonEmptyObjectOfObjects() {
    assertHas(compile("{'StartAt':'A','States':[]}"), "INVALID_TYPE", "/States");
    assertHas(compile("{'StartAt':'A','States':{}}"), "INVALID_VALUE", "/States");
    assertHas(compile("{'StartAt':'A','States':{'A':1}}"), "INVALID_TYPE", "/States/A");
  }

  @Test
  void shouldRejectUnknownTopLevelFields() {
    assertHas(compile("{'StartAt':'A','Extra':1,'States':{'A':{'Type':'Succeed'}}}"), "UNKNOWN_FIELD", "/Extra");
  }

  @Test
  void shouldCheckTopLevelTimeoutVersionAndQueryLanguage() {
    assertHas(compile("{'StartAt':'A','TimeoutSeconds':0,'States':{'A':{'Type':'Succeed'}}}"), "INVALID_VALUE", "/TimeoutSeconds");
    assertHas(compile("{'StartAt':'A','Version':1,'States':{'A':{'Type':'Succeed'}}}"), "INVALID_TYPE", "/Version");
    assertHas(compile("{'StartAt':'A','QueryLanguage':'jsonata','States':{'A':{'Type':'Succeed'}}}"), "INVALID_VALUE", "/QueryLanguage");
    assertValid(compile("{'StartAt':'A','TimeoutSeconds':99999999,'Version':'1.0','QueryLanguage':'JSONata','States':{'A':{'Type':'Succeed'}}}"));
  }

  @Test
  void shouldCheckTheFieldsOfBranchesAndItemProcessors() {
    assertHas(compile("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,"
        + "'Branches':[{'StartAt':'X','ProcessorConfig':{},'States':{'X':{'Type':'Succeed'}}}]}}}"),
        "UNKNOWN_FIELD", "/States/P/Branches/0/ProcessorConfig");
    assertHas(compile("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':[{'States':{'X':{'Type':'Succeed'}}}]}}}"),
        "MISSING_REQUIRED_FIELD", "/States/P/Branches/0");
    assertHas(compile("{'StartAt':'M','States':{'M':{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'Y','States':{'X':{'Type':'Succeed'}}}}}}"),
        "MISSING_TRANSITION_TARGET", "/States/M/ItemProcessor/StartAt");
  }
}
