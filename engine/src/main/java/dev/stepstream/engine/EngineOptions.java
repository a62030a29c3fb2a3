package dev.stepstream.engine;

/**
 * Limits the interpreter enforces.
 *
 * @param maxTransitionsPerCall consecutive state transitions advanced in one {@code apply} call
 *     before the rest is deferred with a {@link Effect.ContinueLater} effect
 * @param maxHistoryEvents history events per execution (AWS: 25,000)
 * @param maxPayloadBytes largest input/output/result as UTF-8 JSON (AWS: 256 KiB)
 */
public record EngineOptions(int maxTransitionsPerCall, int maxHistoryEvents, int maxPayloadBytes) {

  public EngineOptions {
    if (maxTransitionsPerCall < 1 || maxHistoryEvents < 1 || maxPayloadBytes < 1) {
      throw new IllegalArgumentException("engine limits must be positive: " + maxTransitionsPerCall + ", "
          + maxHistoryEvents + ", " + maxPayloadBytes);
    }
  }

  public static EngineOptions defaults() {
    return new EngineOptions(1_000, 25_000, 262_144);
  }
}
