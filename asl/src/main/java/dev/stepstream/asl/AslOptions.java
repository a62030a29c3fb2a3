package dev.stepstream.asl;

/**
 * Limits applied by {@link Asl#compile}. Immutable.
 *
 * @param maxDefinitionBytes largest accepted definition, in UTF-8 bytes of its JSON text. AWS documents
 *     "Maximum size of a state machine definition: 1 MB" as a hard quota without saying whether MB
 *     means 10^6 or 2^20 bytes; the default takes 1,048,576.
 * @param maxNestingDepth deepest accepted JSON nesting (arrays and objects); guards the recursive
 *     parts of parsing against stack exhaustion. AWS documents no such limit.
 * @param express validate for an EXPRESS state machine, where AWS refuses {@code .sync},
 *     {@code .waitForTaskToken} and activity resources (default false: STANDARD)
 */
public record AslOptions(int maxDefinitionBytes, int maxNestingDepth, boolean express) {
  public static final int DEFAULT_MAX_DEFINITION_BYTES = 1_048_576;
  public static final int DEFAULT_MAX_NESTING_DEPTH = 512;

  public AslOptions {
    if (maxDefinitionBytes <= 0) {
      throw new IllegalArgumentException("maxDefinitionBytes must be positive");
    }
    if (maxNestingDepth <= 0) {
      throw new IllegalArgumentException("maxNestingDepth must be positive");
    }
  }

  public static AslOptions defaults() {
    return new AslOptions(DEFAULT_MAX_DEFINITION_BYTES, DEFAULT_MAX_NESTING_DEPTH, false);
  }

  public AslOptions withMaxDefinitionBytes(int bytes) {
    return new AslOptions(bytes, maxNestingDepth, express);
  }

  public AslOptions withMaxNestingDepth(int depth) {
    return new AslOptions(maxDefinitionBytes, depth, express);
  }

  /** Options for a state machine of the given type ({@code EXPRESS} or anything else for STANDARD). */
  public AslOptions withType(String type) {
    return new AslOptions(maxDefinitionBytes, maxNestingDepth, "EXPRESS".equals(type));
  }
}
