package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compile;
import static dev.stepstream.asl.testing.Definitions.compileStates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaitFailRuleTest {

  @ParameterizedTest
  @ValueSource(strings = {"'Seconds':10", "'SecondsPath':'$.s'", "'Timestamp':'2016-03-14T01:59:00Z'", "'TimestampPath':'$.t'"})
  void shouldAcceptEachWaitVariant(String field) {
    assertValid(compileStates("W", "'W':{'Type':'Wait'," + field + ",'End':true}"));
  }

  @Test
  void shouldRequireExactlyOneWaitField() {
    assertHas(compileStates("W", "'W':{'Type':'Wait','End':true}"), "MISSING_REQUIRED_FIELD", "/States/W");
    assertHas(compileStates("W", "'W':{'Type':'Wait','Seconds':1,'TimestampPath':'$.t','End':true}"), "CONFLICTING_FIELDS", "/States/W/TimestampPath");
  }

  @Test
  void shouldCheckWaitValues() {
    assertHas(compileStates("W", "'W':{'Type':'Wait','Seconds':-1,'End':true}"), "INVALID_VALUE", "/States/W/Seconds");
    assertHas(compileStates("W", "'W':{'Type':'Wait','Timestamp':'2016-03-14 01:59:00','End':true}"), "INVALID_VALUE", "/States/W/Timestamp");
  }

  @Test
  void shouldAcceptJsonataSecondsAndTimestamp() {
    assertValid(compile("{'QueryLanguage':'JSONata','StartAt':'W','States':{'W':{'Type':'Wait','Timestamp':'{% $t %}','End':true}}}"));
  }

  @Test
  void shouldMakeErrorAndCauseExclusiveWithTheirPaths() {
    assertValid(compileStates("F", "'F':{'Type':'Fail','Error':'E','CausePath':'$.c'}"));
    assertHas(compileStates("F", "'F':{'Type':'Fail','Error':'E','ErrorPath':'$.e'}"), "CONFLICTING_FIELDS", "/States/F/ErrorPath");
    assertHas(compileStates("F", "'F':{'Type':'Fail','Cause':'c','CausePath':'$.c'}"), "CONFLICTING_FIELDS", "/States/F/CausePath");
  }
}
