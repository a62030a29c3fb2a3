package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compileStates;

import org.junit.jupiter.api.Test;

class StateNameRuleTest {

  @Test
  void shouldRejectANameReusedInANestedScope() {
    assertHas(compileStates("A", "'A':{'Type':'Parallel','End':true,'Branches':[{'StartAt':'A','States':{'A':{'Type':'Succeed'}}}]}"),
        "DUPLICATE_STATE_NAME", "/States/A/Branches/0/States/A");
  }

  @Test
  void shouldRejectANameReusedInTwoBranches() {
    assertHas(compileStates("P", "'P':{'Type':'Parallel','End':true,'Branches':["
        + "{'StartAt':'X','States':{'X':{'Type':'Succeed'}}},{'StartAt':'X','States':{'X':{'Type':'Succeed'}}}]}"),
        "DUPLICATE_STATE_NAME", "/States/P/Branches/1/States/X");
  }

  @Test
  void shouldLimitNamesToEightyCharacters() {
    String ok = "n".repeat(80);
    String tooLong = "n".repeat(81);
    assertValid(compileStates(ok, "'" + ok + "':{'Type':'Succeed'}"));
    assertHas(compileStates(tooLong, "'" + tooLong + "':{'Type':'Succeed'}"), "STATE_NAME_TOO_LONG", "/States/" + tooLong);
  }

  @Test
  void shouldEscapeSlashesInNamesInPointers() {
    assertHas(compileStates("a/b", "'a/b':{'Type':'Pass'}"), "MISSING_TRANSITION", "/States/a~1b");
  }
}
