package dev.stepstream.bench.baseline;

import java.util.Arrays;

/** Record values of the sizes the baselines use. */
final class Payloads {
  static final int MESSAGE_BYTES = 300;
  static final int STATE_BYTES = 1024;

  private Payloads() {}

  static byte[] message() {
    byte[] b = new byte[MESSAGE_BYTES];
    Arrays.fill(b, (byte) 'x');
    return b;
  }

  static byte[] state() {
    byte[] b = new byte[STATE_BYTES];
    Arrays.fill(b, (byte) 's');
    return b;
  }
}
