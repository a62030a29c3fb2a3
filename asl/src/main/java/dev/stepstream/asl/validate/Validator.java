package dev.stepstream.asl.validate;

import dev.stepstream.asl.diag.Diagnostics;
import java.util.List;

/** Runs every structural rule family over a raw definition. Stateless and thread-safe. */
public final class Validator {
  private static final List<ValidationRule> RULES = List.of(
      new ScopeStructureRule(),
      new StateFieldsRule(),
      new FieldTypeRule(),
      new StateNameRule(),
      new TransitionRule(),
      new ReachabilityRule(),
      new RetryCatchRule(),
      new ChoiceRulesRule(),
      new WaitFailRule(),
      new TaskRule(),
      new CredentialsRule(),
      new IntegrationParametersRule(),
      new ExpressRule(),
      new MapParallelRule());

  private Validator() {}

  public static void validate(DefinitionView definition, Diagnostics out) {
    for (ValidationRule rule : RULES) {
      rule.check(definition, out);
    }
  }
}
