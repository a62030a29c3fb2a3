package dev.stepstream.asl.eval;

/** Injectable randomness, so executions stay deterministic under test and replay. */
public interface RandomSource {
  /** A uniformly distributed double in [0, 1). */
  double nextDouble();

  /** A random (version 4) UUID in its canonical text form. */
  String nextUuid();

  static RandomSource seeded(long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    return new RandomSource() {
      @Override
      public double nextDouble() {
        return random.nextDouble();
      }

      @Override
      public String nextUuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(msb, lsb).toString();
      }
    };
  }
}
