package dev.stepstream.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.eval.ExpressionCompiler;
import dev.stepstream.asl.model.StateMachine;
import dev.stepstream.asl.parse.DefinitionParser;
import dev.stepstream.asl.validate.DefinitionView;
import dev.stepstream.asl.validate.DiagnosticCodes;
import dev.stepstream.asl.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Entry point: validates an Amazon States Language definition and compiles it into an immutable
 * {@link StateMachine}. Never throws for any definition: every problem becomes a diagnostic.
 */
public final class Asl {
  private Asl() {}

  /** Compiles with the real {@link Expressions#compiler()} and default options. */
  public static ValidationResult compile(String json) {
    return compile(json, Expressions.compiler(), AslOptions.defaults());
  }

  /** Compiles with the real {@link Expressions#compiler()} and default options; never mutates the tree. */
  public static ValidationResult compile(JsonNode definition) {
    return compile(definition, Expressions.compiler(), AslOptions.defaults());
  }

  /** Compiles with the real {@link Expressions#compiler()} and the given options (e.g. for an EXPRESS machine). */
  public static ValidationResult compile(String json, AslOptions options) {
    return compile(json, Expressions.compiler(), options);
  }

  public static ValidationResult compile(String json, ExpressionCompiler compiler) {
    return compile(json, compiler, AslOptions.defaults());
  }

  public static ValidationResult compile(JsonNode definition, ExpressionCompiler compiler) {
    return compile(definition, compiler, AslOptions.defaults());
  }

  public static ValidationResult compile(String json, ExpressionCompiler compiler, AslOptions options) {
    Objects.requireNonNull(compiler, "compiler");
    Objects.requireNonNull(options, "options");
    Diagnostics out = new Diagnostics();
    if (json == null) {
      out.error(DiagnosticCodes.INVALID_JSON, "", "The definition is null");
      return new ValidationResult(Optional.empty(), out.toList());
    }
    if (tooLarge(json, options, out)) {
      return new ValidationResult(Optional.empty(), out.toList());
    }
    DefinitionReader reader = new DefinitionReader(options);
    Optional<JsonNode> root = reader.read(json, out);
    if (root.isEmpty()) {
      return new ValidationResult(Optional.empty(), out.toList());
    }
    return compileTree(root.get(), compiler, options, out);
  }

  public static ValidationResult compile(JsonNode definition, ExpressionCompiler compiler, AslOptions options) {
    Objects.requireNonNull(compiler, "compiler");
    Objects.requireNonNull(options, "options");
    Diagnostics out = new Diagnostics();
    DefinitionReader reader = new DefinitionReader(options);
    if (definition == null || definition.isMissingNode()) {
      out.error(DiagnosticCodes.INVALID_JSON, "", "The definition is missing");
      return new ValidationResult(Optional.empty(), out.toList());
    }
    if (reader.tooDeep(definition)) {
      out.error(DiagnosticCodes.INVALID_JSON, "", "The definition nests deeper than " + options.maxNestingDepth() + " levels");
      return new ValidationResult(Optional.empty(), out.toList());
    }
    if (tooLarge(reader.write(definition), options, out)) {
      return new ValidationResult(Optional.empty(), out.toList());
    }
    // Own a private copy: the compiled model shares literal subtrees (Result, ItemReader, ...).
    return compileTree(definition.deepCopy(), compiler, options, out);
  }

  private static ValidationResult compileTree(JsonNode root, ExpressionCompiler compiler, AslOptions options, Diagnostics out) {
    Optional<StateMachine> machine;
    try {
      Validator.validate(DefinitionView.of(root, options.express()), out);
      machine = new DefinitionParser(compiler).parse(root, out);
    } catch (RuntimeException e) {
      out.error(DiagnosticCodes.INTERNAL_ERROR, "", "Unexpected failure while compiling the definition: " + e);
      machine = Optional.empty();
    }
    return new ValidationResult(out.hasErrors() ? Optional.empty() : machine, out.toList());
  }

  private static boolean tooLarge(String json, AslOptions options, Diagnostics out) {
    long bytes = (long) json.length() * 3 <= options.maxDefinitionBytes()
        ? json.length()
        : json.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > options.maxDefinitionBytes()) {
      out.error(DiagnosticCodes.DEFINITION_TOO_LARGE, "",
          "The definition is " + bytes + " bytes; the maximum is " + options.maxDefinitionBytes());
      return true;
    }
    return false;
  }
}
