package dev.stepstream.asl.choice;

import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.EvalContext;
import java.util.List;
import java.util.Objects;

/**
 * A compiled Choice Rule (without its {@code Next}). JSONPath rules are {@link Comparison}s combined
 * with {@link And}, {@link Or} and {@link Not}; a JSONata rule is one {@link JsonataCondition}.
 * Immutable and thread-safe.
 */
public sealed interface ChoiceRule permits ChoiceRule.And, ChoiceRule.Or, ChoiceRule.Not, Comparison, JsonataCondition {

  /**
   * @param ctx the Choice state's effective input ({@code $}), variables and context object
   * @throws AslException States.Runtime when a path the rule needs does not exist (IsPresent aside),
   *     or the error of the underlying expression
   */
  boolean matches(EvalContext ctx);

  /** True when every rule matches (evaluated in order, stopping at the first false). */
  record And(List<ChoiceRule> rules) implements ChoiceRule {
    public And {
      rules = List.copyOf(rules);
    }

    @Override
    public boolean matches(EvalContext ctx) {
      for (ChoiceRule rule : rules) {
        if (!rule.matches(ctx)) {
          return false;
        }
      }
      return true;
    }
  }

  /** True when any rule matches (evaluated in order, stopping at the first true). */
  record Or(List<ChoiceRule> rules) implements ChoiceRule {
    public Or {
      rules = List.copyOf(rules);
    }

    @Override
    public boolean matches(EvalContext ctx) {
      for (ChoiceRule rule : rules) {
        if (rule.matches(ctx)) {
          return true;
        }
      }
      return false;
    }
  }

  record Not(ChoiceRule rule) implements ChoiceRule {
    public Not {
      Objects.requireNonNull(rule, "rule");
    }

    @Override
    public boolean matches(EvalContext ctx) {
      return !rule.matches(ctx);
    }
  }
}
