package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compileStates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.asl.ValidationResult;
import org.junit.jupiter.api.Test;

class TransitionRuleTest {

  @Test
  void shouldRequireNextOrEnd() {
    assertHas(compileStates("A", "'A':{'Type':'Pass'}"), "MISSING_TRANSITION", "/States/A");
    assertHas(compileStates("A", "'A':{'Type':'Pass','End':false}"), "MISSING_TRANSITION", "/States/A");
  }

  @Test
  void shouldRejectBothNextAndEnd() {
    assertHas(compileStates("A", "'A':{'Type':'Pass','Next':'B','End':true},'B':{'Type':'Succeed'}"), "CONFLICTING_FIELDS", "/States/A/End");
  }

  @Test
  void shouldRequireNextToNameAState() {
    assertHas(compileStates("A", "'A':{'Type':'Pass','Next':'Nope'},'B':{'Type':'Succeed'}"), "MISSING_TRANSITION_TARGET", "/States/A/Next");
  }

  @Test
  void shouldCheckChoiceDefaultAndCatchTargets() {
    ValidationResult result = compileStates("C",
        "'C':{'Type':'Choice','Choices':[{'Variable':'$.x','IsPresent':true,'Next':'X1'}],'Default':'X2'},"
            + "'T':{'Type':'Task','Resource':'arn:aws:states:::a:b','Catch':[{'ErrorEquals':['States.ALL'],'Next':'X3'}],'End':true}");

    assertHas(result, "MISSING_TRANSITION_TARGET", "/States/C/Choices/0/Next");
    assertHas(result, "MISSING_TRANSITION_TARGET", "/States/C/Default");
    assertHas(result, "MISSING_TRANSITION_TARGET", "/States/T/Catch/0/Next");
  }

  @Test
  void shouldForbidTransitionsAcrossScopes() {
    ValidationResult result = compileStates("P",
        "'P':{'Type':'Parallel','Next':'Done','Branches':[{'StartAt':'X','States':{'X':{'Type':'Pass','Next':'Done'}}}]},"
            + "'Done':{'Type':'Succeed'}");

    assertHas(result, "MISSING_TRANSITION_TARGET", "/States/P/Branches/0/States/X/Next");
    assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.message()).isEqualTo("Missing 'Next' target: Done"));
  }

  @Test
  void shouldAcceptALoopThatEnds() {
    assertValid(compileStates("A", "'A':{'Type':'Pass','Next':'C'},"
        + "'C':{'Type':'Choice','Choices':[{'Variable':'$.again','BooleanEquals':true,'Next':'A'}],'Default':'E'},'E':{'Type':'Succeed'}"));
  }
}
