package dev.stepstream.wire;

/** The record shape version this build writes and the newest it can read. */
public final class WireVersions {
  public static final int CURRENT = 1;

  private WireVersions() {}
}
