package dev.stepstream.asl.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.RandomSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonataConditionTest {
  private static final EvalContext CTX = EvalContext.of(
      JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), Map.of(), RandomSource.seeded(1));

  @Test
  void shouldMatchWhenTheConditionEvaluatesToTrue() {
    assertThat(new JsonataCondition("{% true %}", ctx -> BooleanNode.TRUE).matches(CTX)).isTrue();
    assertThat(new JsonataCondition("{% false %}", ctx -> BooleanNode.FALSE).matches(CTX)).isFalse();
  }

  @Test
  void shouldFailWithQueryEvaluationErrorWhenTheConditionIsNotBoolean() {
    JsonataCondition condition = new JsonataCondition("{% 1 %}", ctx -> IntNode.valueOf(1));

    assertThatThrownBy(() -> condition.matches(CTX))
        .isInstanceOfSatisfying(AslException.class, e -> assertThat(e.error()).isEqualTo("States.QueryEvaluationError"));
  }
}
