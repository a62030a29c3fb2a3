package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compileStates;

import org.junit.jupiter.api.Test;

class ReachabilityRuleTest {

  @Test
  void shouldReportStatesNotReachableFromStartAt() {
    assertHas(compileStates("A", "'A':{'Type':'Succeed'},'Orphan':{'Type':'Pass','End':true}"), "UNREACHABLE_STATE", "/States/Orphan");
  }

  @Test
  void shouldCountCatchTargetsAsReachable() {
    assertValid(compileStates("T", "'T':{'Type':'Task','Resource':'arn:aws:states:::a:b','End':true,"
        + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Handler'}]},'Handler':{'Type':'Fail'}"));
  }

  @Test
  void shouldReportAScopeThatNeverEnds() {
    assertHas(compileStates("A", "'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'A'}"), "NO_TERMINAL", "/States");
  }

  @Test
  void shouldCheckNestedScopesSeparately() {
    assertHas(compileStates("M", "'M':{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'X','States':{"
        + "'X':{'Type':'Succeed'},'Y':{'Type':'Succeed'}}}}"), "UNREACHABLE_STATE", "/States/M/ItemProcessor/States/Y");
  }
}
