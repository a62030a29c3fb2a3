package dev.stepstream.asl.model;

/** Retrier {@code JitterStrategy}: NONE (the default) or FULL (random delay in [0, computed delay]). */
public enum JitterStrategy {
  FULL,
  NONE
}
