package dev.stepstream.engine;

import dev.stepstream.asl.eval.RandomSource;
import java.util.Optional;

/** An engine context for tests: a fixed time, a given random source, one definition for every ARN. */
public record FixedContext(long nowMillis, RandomSource random, Definition definition) implements EngineContext {

  @Override
  public Optional<Definition> definition(String stateMachineArn) {
    return Optional.of(definition);
  }
}
