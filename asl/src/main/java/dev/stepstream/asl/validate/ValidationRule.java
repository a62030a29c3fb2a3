package dev.stepstream.asl.validate;

import dev.stepstream.asl.diag.Diagnostics;

/** One family of definition checks over the raw JSON. */
public interface ValidationRule {
  void check(DefinitionView definition, Diagnostics out);
}
